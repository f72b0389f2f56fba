// Hindi strings of routing (same keys as en-routing.ts; the Messages type enforces it).
import type { Messages } from './en';

export const hiRouting: Pick<Messages, 'routing' | 'map'> = {
  routing: {
    unit: 'ज़िम्मेदार इकाई',
    supervisorDecides: 'शिफ़्ट प्रभारी तय करेंगे',
    outcome: {
      unit: 'यह इकाई पुलिस इकाइयों की तालिका में नहीं है',
      'outside-rajasthan': 'स्थान राजस्थान से बाहर है',
      unknown: 'स्थान से पता नहीं चलता कि छात्र कहाँ है',
      conflict: 'स्थान की जानकारी परस्पर विरोधी है (शहर और ज़िला मेल नहीं खाते)',
      ambiguous: 'इस नाम के स्थान एक से अधिक ज़िलों में हैं',
    },
    question: '{{districts}}?',
    or: ' या ',
    candidates: 'संभावित इकाइयाँ, सबसे संभावित पहले',
    choose: 'चुनें',
    chosenReason: 'शिफ़्ट प्रभारी ने संभावित इकाइयों में से चुना: {{districts}}',
    alsoPossible: 'यह भी संभव: {{districts}}',
    basis: {
      city: 'शहर से',
      district: 'ज़िले से',
      pincode: 'पिन कोड से',
      coordinates: 'निर्देशांक से',
      none: 'कोई स्थान नहीं',
    },
    confidence: { high: 'उच्च विश्वास', medium: 'मध्यम विश्वास', low: 'कम विश्वास — जाँचें' },
  },
  map: {
    title: 'ज़िलेवार खुले फ़्लैग',
    kotaCity: 'कोटा शहर',
    unplaced: 'शिफ़्ट प्रभारी तय करेंगे',
    area: '{{name}}: {{count}} खुले',
    showing: 'केवल {{name}} दिखाए जा रहे हैं',
    showAll: 'सभी दिखाएँ',
    attribution: 'रूपरेखा © VictorCazanave (CC BY 4.0); ज़िले अनुमानित',
  },
};
