// Hindi strings of the room (see en-room.ts).
export const hiRoom = {
  room: {
    notConnectedDesk: '⚠ कनेक्शन नहीं — इस डेस्क पर फ़्लैग नहीं आ रहे। दोबारा जोड़ रहे हैं…',
    notConnectedWall: '⚠ कनेक्शन नहीं — यह वॉल ताज़ा फ़्लैग नहीं दिखा रही। दोबारा जोड़ रहे हैं…',
    notConnectedBadge: '⚠ कनेक्शन नहीं',
    heldBy: '{{desk}} पर {{name}} देख रहे हैं',
    heldAt: '{{desk}} पर देखा जा रहा',
    heldByYou: 'यह फ़्लैग आप देख रहे हैं ({{desk}})',
    releasing: '{{desk}} हट गई — {{seconds}} सेकंड में फ़्लैग कमरे को वापस',
    takeOver: '{{name}} से अपने हाथ में लें',
    takeOverHelp: 'यह फ़्लैग कोई और ऑपरेटर देख रहा है। उनसे बात करके या उनके न होने पर ही अपने हाथ में लें।',
    takenOver: '{{caseNo}}: {{from}} से {{by}} ने अपने हाथ में लिया',
    holdReleased: '{{caseNo}} कमरे को वापस ({{from}} की डेस्क हट गई)',
    noDesk: '⚠ कोई डेस्क फ़्लैग नहीं ले रही — फ़्लैग खुले हैं और किसी जुड़ी डेस्क पर कोई लॉग ऑन नहीं',
    desksOn: 'लॉग ऑन: {{list}}',
    nobodyOn: 'किसी डेस्क पर कोई लॉग ऑन नहीं',
  },
};
