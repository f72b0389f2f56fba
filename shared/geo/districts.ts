// The 41 revenue districts of Rajasthan in force since the notification of 29 Dec 2024, with Hindi
// names and headquarters coordinates (public facts, checked against ../shared/reference/ by
// tests/unit/districts.test.ts). Balotra's and Khairthal's HQ coordinates are approximate.
// Police units are a separate, editable table: revenue districts are not police jurisdictions.

export interface District {
  /** Stable key used in the store and the contract. */
  readonly key: string;
  readonly en: string;
  readonly hi: string;
  /** Headquarters [lat, lon]. */
  readonly hq: readonly [number, number];
  readonly createdIn2023: boolean;
}

export const DISTRICTS: readonly District[] = [
  { key: 'ajmer', en: 'Ajmer', hi: 'अजमेर', hq: [26.4608, 74.6409], createdIn2023: false },
  { key: 'alwar', en: 'Alwar', hi: 'अलवर', hq: [27.5667, 76.6095], createdIn2023: false },
  { key: 'banswara', en: 'Banswara', hi: 'बांसवाड़ा', hq: [23.5461, 74.4473], createdIn2023: false },
  { key: 'baran', en: 'Baran', hi: 'बारां', hq: [25.1137, 76.5126], createdIn2023: false },
  { key: 'barmer', en: 'Barmer', hi: 'बाड़मेर', hq: [25.7441, 71.3926], createdIn2023: false },
  { key: 'bharatpur', en: 'Bharatpur', hi: 'भरतपुर', hq: [27.215, 77.4906], createdIn2023: false },
  { key: 'bhilwara', en: 'Bhilwara', hi: 'भीलवाड़ा', hq: [25.3477, 74.6371], createdIn2023: false },
  { key: 'bikaner', en: 'Bikaner', hi: 'बीकानेर', hq: [28.0166, 73.3165], createdIn2023: false },
  { key: 'bundi', en: 'Bundi', hi: 'बूंदी', hq: [25.4433, 75.6424], createdIn2023: false },
  { key: 'chittorgarh', en: 'Chittorgarh', hi: 'चित्तौड़गढ़', hq: [24.8876, 74.6249], createdIn2023: false },
  { key: 'churu', en: 'Churu', hi: 'चूरू', hq: [28.3001, 74.9657], createdIn2023: false },
  { key: 'dausa', en: 'Dausa', hi: 'दौसा', hq: [26.8996, 76.3334], createdIn2023: false },
  { key: 'dholpur', en: 'Dholpur', hi: 'धौलपुर', hq: [26.6942, 77.8933], createdIn2023: false },
  { key: 'dungarpur', en: 'Dungarpur', hi: 'डूंगरपुर', hq: [23.8338, 73.7141], createdIn2023: false },
  { key: 'hanumangarh', en: 'Hanumangarh', hi: 'हनुमानगढ़', hq: [29.5853, 74.3252], createdIn2023: false },
  { key: 'jaipur', en: 'Jaipur', hi: 'जयपुर', hq: [26.9149, 75.8097], createdIn2023: false },
  { key: 'jaisalmer', en: 'Jaisalmer', hi: 'जैसलमेर', hq: [26.9116, 70.9142], createdIn2023: false },
  { key: 'jalore', en: 'Jalore', hi: 'जालोर', hq: [25.3431, 72.62], createdIn2023: false },
  { key: 'jhalawar', en: 'Jhalawar', hi: 'झालावाड़', hq: [24.5927, 76.1648], createdIn2023: false },
  { key: 'jhunjhunu', en: 'Jhunjhunu', hi: 'झुंझुनूं', hq: [28.1296, 75.3991], createdIn2023: false },
  { key: 'jodhpur', en: 'Jodhpur', hi: 'जोधपुर', hq: [26.2897, 73.0166], createdIn2023: false },
  { key: 'karauli', en: 'Karauli', hi: 'करौली', hq: [26.4989, 77.021], createdIn2023: false },
  { key: 'kota', en: 'Kota', hi: 'कोटा', hq: [25.1803, 75.8452], createdIn2023: false },
  { key: 'nagaur', en: 'Nagaur', hi: 'नागौर', hq: [27.2004, 73.7362], createdIn2023: false },
  { key: 'pali', en: 'Pali', hi: 'पाली', hq: [25.7772, 73.3215], createdIn2023: false },
  { key: 'pratapgarh', en: 'Pratapgarh', hi: 'प्रतापगढ़', hq: [24.0325, 74.78], createdIn2023: false },
  { key: 'rajsamand', en: 'Rajsamand', hi: 'राजसमंद', hq: [25.0648, 73.8707], createdIn2023: false },
  {
    key: 'sawai-madhopur',
    en: 'Sawai Madhopur',
    hi: 'सवाई माधोपुर',
    hq: [25.9927, 76.3812],
    createdIn2023: false,
  },
  { key: 'sikar', en: 'Sikar', hi: 'सीकर', hq: [27.6131, 75.1393], createdIn2023: false },
  { key: 'sirohi', en: 'Sirohi', hi: 'सिरोही', hq: [24.8834, 72.8588], createdIn2023: false },
  {
    key: 'sri-ganganagar',
    en: 'Sri Ganganagar',
    hi: 'श्रीगंगानगर',
    hq: [29.9282, 73.8664],
    createdIn2023: false,
  },
  { key: 'tonk', en: 'Tonk', hi: 'टोंक', hq: [26.1716, 75.7871], createdIn2023: false },
  { key: 'udaipur', en: 'Udaipur', hi: 'उदयपुर', hq: [24.5857, 73.6862], createdIn2023: false },
  { key: 'balotra', en: 'Balotra', hi: 'बालोतरा', hq: [25.832, 72.24], createdIn2023: true },
  { key: 'beawar', en: 'Beawar', hi: 'ब्यावर', hq: [26.1095, 74.3165], createdIn2023: true },
  { key: 'deeg', en: 'Deeg', hi: 'डीग', hq: [27.4662, 77.3127], createdIn2023: true },
  {
    key: 'didwana-kuchaman',
    en: 'Didwana-Kuchaman',
    hi: 'डीडवाना-कुचामन',
    hq: [27.3972, 74.5723],
    createdIn2023: true,
  },
  {
    key: 'khairthal-tijara',
    en: 'Khairthal-Tijara',
    hi: 'खैरथल-तिजारा',
    hq: [27.803, 76.638],
    createdIn2023: true,
  },
  {
    key: 'kotputli-behror',
    en: 'Kotputli-Behror',
    hi: 'कोटपूतली-बहरोड़',
    hq: [27.7048, 76.198],
    createdIn2023: true,
  },
  { key: 'phalodi', en: 'Phalodi', hi: 'फलोदी', hq: [27.1373, 72.362], createdIn2023: true },
  { key: 'salumbar', en: 'Salumbar', hi: 'सलूम्बर', hq: [24.1545, 74.0477], createdIn2023: true },
];

/** Districts created in 2023 and abolished on 29 Dec 2024, with where their area went back. */
export const ABOLISHED_DISTRICTS: readonly { en: string; hi: string; mergedInto: readonly string[] }[] = [
  { en: 'Dudu', hi: 'दूदू', mergedInto: ['jaipur'] },
  { en: 'Jaipur Rural', hi: 'जयपुर ग्रामीण', mergedInto: ['jaipur'] },
  { en: 'Jodhpur Rural', hi: 'जोधपुर ग्रामीण', mergedInto: ['jodhpur'] },
  { en: 'Kekri', hi: 'केकड़ी', mergedInto: ['ajmer', 'tonk'] },
  { en: 'Shahpura', hi: 'शाहपुरा', mergedInto: ['bhilwara'] },
  { en: 'Neem Ka Thana', hi: 'नीमकाथाना', mergedInto: ['sikar', 'jhunjhunu'] },
  { en: 'Gangapur City', hi: 'गंगापुर सिटी', mergedInto: ['sawai-madhopur', 'karauli'] },
  { en: 'Anupgarh', hi: 'अनूपगढ़', mergedInto: ['sri-ganganagar'] },
  { en: 'Sanchore', hi: 'सांचौर', mergedInto: ['jalore'] },
];
