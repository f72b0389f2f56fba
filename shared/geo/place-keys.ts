// Keys under which a place name is looked up, so that the spellings people type meet the spelling a
// source wrote:
//   placeKey     the name in Latin letters, without accents, spaces or punctuation, "Sri"/"Shri"/
//                "Shree" made one. An exact key is trusted.
//   spellingKey  the placeKey with the letters Rajasthani names are written with interchangeably made
//                one: d/r (ड़: Bhiwadi/Bhiwari, garh/gadh), v/w/b (Vijainagar/Bijainagar), y/i,
//                ee/i, oo/u, ai/e, au/ou/o, the h of aspirates (kh/k, sh/s), doubled letters.
//   soundKey     the spellingKey without the vowels a, e and o after the first letter: English drops
//                the inherent vowel that Hindi writes (किशनगढ़ → kiśanagaḍha, Kishangarh), and
//                writes a, e or o for it at will (Ganganager). i and u stay: they are written.
// Routing looks a town up by soundKey only where the exact key finds nothing, ranks what it finds
// by how close the spellingKeys are, and says it matched a variant (lower confidence).
// Devanagari is transliterated with Sanscript (MIT, npm @indic-transliteration/sanscript) rather
// than by a table written for each town.
import Sanscript from '@indic-transliteration/sanscript';

const DEVANAGARI = /[\u0900-\u097f]/;

/** Latin letters a-z only, accents dropped, Hindi transliterated; '' when nothing is left. */
function latin(name: string): string {
  const text = DEVANAGARI.test(name) ? Sanscript.t(name.normalize('NFC'), 'devanagari', 'iast') : name;
  return text
    .replace(/a\u093c/g, '') // Sanscript writes ड़ as "ḍa" + nukta: the a is not spoken
    .replace(/ṃ(?=\s|$)/g, '') // a final anusvara only nasalises: झुंझुनूं is Jhunjhunu
    .replace(/ṃ/g, 'n') // anusvara: गंज is "ganj" in English
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

export function placeKey(name: string): string {
  return latin(name).replace(/^(shri|shree|sree|sri)/, 'sri');
}

export function spellingKey(name: string): string {
  return placeKey(name)
    .replace(/city/g, 'siti') // English "City" against सिटी
    .replace(/ee/g, 'i')
    .replace(/oo/g, 'u')
    .replace(/h/g, '')
    .replace(/[wv]/g, 'b')
    .replace(/d/g, 'r')
    .replace(/y/g, 'i')
    .replace(/ai/g, 'e')
    .replace(/au|ou/g, 'o')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/f/g, 'p')
    .replace(/(.)\1+/g, '$1');
}

export function soundKey(name: string): string {
  const key = spellingKey(name);
  return key === '' ? '' : (key[0]! + key.slice(1).replace(/[aeo]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Edits (insert, delete, replace) from one key to another: ranks the variants a soundKey finds. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}
