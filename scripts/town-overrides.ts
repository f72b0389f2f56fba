// The district changes that the packages' data predates (both know only the 33 districts of 2011),
// as facts for scripts/generate-towns.ts. From the Rajasthan Government's notifications of
// 7 Aug 2023 (new districts) and 29 Dec 2024 (9 of them abolished, 8 kept), as reported publicly.
//
// Where GeoNames spells a town otherwise, its spelling is listed too (else it stays in the parent).
// Only the towns whose district is well reported are listed: the headquarters and the tehsil or
// sub-division towns of each district kept from 2023. A place of a parent district that is not
// listed here keeps its parent, and routing marks anything placed in a parent district with lower
// confidence (see PARENTS_OF_NEW in shared/routing/route.ts).
//
// Towns of the 9 districts abolished in December 2024 need no override: their area went back to
// the parent districts, which are the districts the packages already give. ABOLISHED_TOWNS names
// them so that the generator checks they resolve to the parent.

/** New district → the parent districts it took area from → its towns there. */
export const TOWNS_OF_NEW_DISTRICTS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  balotra: {
    barmer: ['Balotra', 'Pachpadra', 'Siwana', 'Samdari', 'Kalyanpur', 'Jasol', 'Mokalsar', 'Asotra'],
  },
  beawar: {
    ajmer: ['Beawar', 'Masuda', 'Bijainagar', 'Bijaynagar'],
    pali: ['Jaitaran', 'Nimaj', 'Raipur', 'Ras'],
  },
  deeg: {
    bharatpur: ['Deeg', 'Dig', 'Kaman', 'Kama', 'Kumher', 'Nagar', 'Pahari', 'Sikri', 'Janoothar'],
  },
  'didwana-kuchaman': {
    nagaur: [
      'Didwana',
      'Kuchaman City',
      'Kuchaman',
      'Ladnun',
      'Ladnu',
      'Nawa',
      'Makrana',
      'Parbatsar',
      'Maulasar',
      'Chhoti Khatu',
      // GeoNames' spellings:
      'Parvatsar',
      'Borawar',
      'Meethari Marwar',
    ],
  },
  'khairthal-tijara': {
    alwar: [
      'Khairthal',
      'Tijara',
      'Bhiwadi',
      'Kishangarh Bas',
      'Kishangarh',
      'Kotkasim',
      'Mundawar',
      'Tapukara',
      // GeoNames' spellings:
      'Khairtal',
      'Mandawar',
      'Tapukrah',
    ],
  },
  'kotputli-behror': {
    jaipur: ['Kotputli', 'Viratnagar', 'Paota', 'Pragpura'],
    alwar: ['Behror', 'Bansur', 'Neemrana', 'Shahjahanpur', 'Mandhan'],
  },
  phalodi: {
    jodhpur: ['Phalodi', 'Bap', 'Lohawat', 'Aau', 'Dechu', 'Bapini'],
  },
  salumbar: {
    udaipur: ['Salumbar', 'Salumber', 'Sarada', 'Semari', 'Lasadiya', 'Jhallara'],
  },
  // Pratapgarh is older (2008), but the post-office directory still files some of its towns under
  // the districts it was carved from.
  pratapgarh: {
    chittorgarh: ['Arnod', 'Chhoti Sadri'],
    udaipur: ['Dhariawad'],
  },
};

/**
 * Towns (municipalities of the Census 2011 town list) that neither package names as a town: as
 * facts, without coordinates. A town outranks villages of the same name elsewhere.
 */
export const CENSUS_TOWNS: Readonly<Record<string, string>> = {
  Chomu: 'jaipur',
  Bassi: 'jaipur',
  Itawa: 'kota',
  Sultanpur: 'kota',
  Rupbas: 'bharatpur',
  Lohawat: 'phalodi',
  'Merta City': 'nagaur',
  Degana: 'nagaur',
};

/** Other names of towns the packages know: alias → [the town's name there, its district]. */
export const ALSO_KNOWN_AS: Readonly<Record<string, readonly [string, string]>> = {
  'Mount Abu': ['Abu', 'sirohi'],
  Deogarh: ['Devgarh', 'rajsamand'],
  Pilibanga: ['Pilibangan', 'hanumangarh'],
  Ganganagar: ['Sri Ganganagar', 'sri-ganganagar'],
  'Kishangarh Bas': ['Kishangarh', 'khairthal-tijara'],
};

/** Headquarters of the districts abolished on 29 Dec 2024 → the district they are in again. */
export const ABOLISHED_TOWNS: Readonly<Record<string, string>> = {
  Dudu: 'jaipur',
  Kekri: 'ajmer',
  'Neem Ka Thana': 'sikar',
  'Gangapur City': 'sawai-madhopur',
  Anupgarh: 'sri-ganganagar',
  Sanchore: 'jalore',
};
