/**
 * The contract a posting's prose names, as written ("indépendant", "Stage", "CDD de 3 ans").
 *
 * Postings say it in a few recurring ways, most trustworthy first:
 * 0. the posting's title, when the role itself is the contract: "Stagiaire - déploiement/produit",
 *    "Chargé(e) de déploiement (Stage)", "X recrute un ou une stagiaire";
 * 1. a label: "Type de contrat : CDD 3 ans", "Statut — Freelance / prestataire", or the label
 *    alone on its line with the value below it;
 * 2. a sentence built around it: "Poste ouvert pour un·e indépendant·e", "statut de freelance",
 *    "Contrat de prestataire", "poste en CDI", "recrute un·e stagiaire";
 * 3. a line that starts with it, as in a list of terms: "Stage de 4 à 6 mois", "Freelance 4 jours".
 * A contract word anywhere else ("une cheffe de produit freelance", "le/la titulaire") describes
 * someone, not the offer, and is ignored. The kind then comes from `classifyContract`.
 */
import type { Contract } from '../offer';
import { classifyContract } from './contract';

export interface ContractWords {
  raw: string;
  kind: Contract;
}

/**
 * The words, without the inclusive-writing endings that follow them ("indépendant·e·s" →
 * "indépendant"), which are the same contract in every spelling.
 */
const WORD =
  '(CDI|CDD|stages?|stagiaires?|alternance|alternant(?:e)?s?|apprenti(?:e)?s?|apprentissage|ind[ée]pend[ae]nt(?:e)?s?|free[- ]?lances?|pr[ée]stataires?|portage\\s+salarial|fonctionn?aires?|titulaires?|d[ée]tachement|mise\\s+à\\s+disposition|contractuel(?:le)?s?|internship|apprenticeship)';
const INCLUSIVE_ENDING = '(?:(?:[·•‧.-](?:e|es|s|euse|rice|fe))+|\\((?:e|es|s)\\)s?)?';
const END = '(?![\\p{L}\\d])';
const KEYWORD = `${WORD}${INCLUSIVE_ENDING}${END}`;

/** Words that name a contract type in English labels ("Employment type: Full-time"). */
const ENGLISH_TERMS =
  /\b(?:permanent|full[- ]?time|part[- ]?time|fixed[- ]term|temporary|internship|intern|contractor|contract|apprenticeship|freelance|self[- ]employed)\b/iu;

const BULLET = '[\\s\\p{So}\\p{Sk}•*·>-]*';
const LABEL =
  "(?:type\\s+de\\s+contrat|types?\\s+d['’]emploi|nature\\s+de\\s+l['’]emploi|nature\\s+du\\s+contrat|forme\\s+du\\s+contrat|type\\s+du\\s+poste|type\\s+de\\s+poste|contrat|statut|contract(?:\\s+type)?|type\\s+of\\s+contract|employment\\s+type|job\\s+type)";
/** "Contrat : CDD 3 ans" — the value on the label's own line. */
const LABEL_INLINE = new RegExp(`(?:^|\\n)${BULLET}${LABEL}\\s*(?::|：|—|–|-)\\s*([^\\n]{1,160})`, 'giu');
/** "Type de contrat" alone on its line, the value on the next one. */
const LABEL_ABOVE = new RegExp(`(?:^|\\n)${BULLET}${LABEL}\\s*[:：]?[ \\t]*\\n${BULLET}([^\\n]{1,160})`, 'giu');

const PROSE: readonly RegExp[] = [
  // "Poste ouvert pour un·e indépendant·e", "Poste réservé aux indépendant·e·s", "Emploi ouvert aux titulaires".
  new RegExp(
    `\\b(?:poste|emploi|offre|mission)\\s+(?:ouvert|réservé|reserve|proposé|propose|accessible)e?s?\\s+(?:pour|à|a|aux|en)\\s[^.\\n]{0,40}?${KEYWORD}`,
    'giu',
  ),
  // "statut de freelance", "statut d'indépendant", "contrat en CDD", "Contrat de prestataire", "sous forme de CDD".
  new RegExp(`\\b(?:statut|contrat|sous\\s+forme)\\s+(?:de\\s+|d['’]\\s*|en\\s+)?(?:une?\\s+)?${KEYWORD}`, 'giu'),
  // "poste en CDI", "offre de stage", "poste de contractuel", "mission en freelance".
  new RegExp(`\\b(?:poste|offre|emploi|mission)\\s+(?:en|de|d['’])\\s*${KEYWORD}`, 'giu'),
  // "X recrute un·e stagiaire", "recherche un ou une alternant·e".
  new RegExp(
    `\\b(?:recrute|recherche|cherche)\\s+(?:(?:un|une|des)(?:[·•‧.-]e|\\(e\\))?\\s+(?:ou\\s+(?:un|une)\\s+)?)?${KEYWORD}`,
    'giu',
  ),
  // "en CDI", "en alternance", "en freelance": unambiguous after "en".
  new RegExp(
    `(?<![\\p{L}])en\\s+(CDI|CDD|alternance|apprentissage|stage|free[- ]?lance|portage\\s+salarial|d[ée]tachement)${END}`,
    'giu',
  ),
  // "a 6-month internship", "an apprenticeship", "a permanent position".
  /\ban?\s+(?:[\w-]+\s+){0,2}?(internship|apprenticeship)\b/giu,
  /\b(permanent|fixed-term|freelance)\s+(?:position|role|contract|job)\b/giu,
];

/** A line that opens on the word: "Stage de 4 à 6 mois", "Freelance 4 jours / semaine", "CDD". */
const LINE_START = new RegExp(
  `(?:^|\\n)${BULLET}(CDI|CDD|stage|alternance|apprentissage|free[- ]?lance|ind[ée]pend[ae]nt(?:e)?|portage\\s+salarial|contractuel(?:le)?)${INCLUSIVE_ENDING}(?=[\\s,:;(/–—-]|$)`,
  'giu',
);

const FRENCH_KEYWORD = new RegExp(KEYWORD, 'iu');
const MAX_TEXT = 200_000;
const MAX_VALUE = 60;
/** A value opening like a sentence ("Vous aurez un statut de freelance") is prose, not a label's value. */
const SENTENCE_OPENING = /^(?:vous|nous|il|elle|on|ce|cette|le|la|les|l['’]|you|we|the|this)\s/iu;

/**
 * The contract a posting names, as written, with its kind; null when it names none clearly.
 * `titles` are the posting's names (the document title, its heading), read before the body.
 */
export function findContractWords(text: string, titles: readonly string[] = []): ContractWords | null {
  const scanned = text.slice(0, MAX_TEXT);
  const raw = inTitle(titles) ?? labelled(scanned) ?? firstMatch(scanned, PROSE) ?? firstMatch(scanned, [LINE_START]);
  if (!raw) return null;
  const kind = contractKind(raw);
  return kind ? { raw, kind } : null;
}

/** A contract word in a title, unless the role manages them ("Responsable des stages", "… de l'alternance"). */
const TITLE_WORD = new RegExp(
  `(?<!\\b(?:des|les|aux|du|de\\s+la)\\s+|\\bde\\s+l['’]\\s*)${KEYWORD.replace('titulaires?|', '')}`,
  'iu',
);

function inTitle(titles: readonly string[]): string | null {
  for (const title of titles) {
    const match = TITLE_WORD.exec(title.slice(0, 300));
    if (match?.[1]) return match[1];
  }
  return null;
}

function labelled(text: string): string | null {
  let best: { at: number; raw: string } | null = null;
  for (const pattern of [LABEL_INLINE, LABEL_ABOVE]) {
    for (const match of text.matchAll(pattern)) {
      if (best && match.index >= best.at) break;
      const raw = labelValue(match[1] ?? '');
      if (raw) {
        best = { at: match.index, raw };
        break;
      }
    }
  }
  return best?.raw ?? null;
}

/**
 * A label's value, cut at the end of its clause: "CDD de 6 mois" from "CDD de 6 mois, dès que
 * possible". A long value is prose ("Vous aurez un statut de freelance…"): only its contract word
 * is kept. A value naming no contract ("temps partiel à 80 %") is no answer.
 */
function labelValue(value: string): string | null {
  const clause = value.split(/[.;!?](?:\s|$)|,\s|\s[–—]\s|\s-\s/u)[0]?.trim() ?? '';
  const cleaned = clause.replace(/[.:;,\s]+$/u, '');
  const keyword = FRENCH_KEYWORD.exec(cleaned);
  const valueLike = cleaned.length > 0 && cleaned.length <= MAX_VALUE && !SENTENCE_OPENING.test(cleaned);
  if (valueLike && (keyword || ENGLISH_TERMS.test(cleaned))) return cleaned;
  return keyword?.[1] ?? null;
}

function firstMatch(text: string, patterns: readonly RegExp[]): string | null {
  let best: { at: number; raw: string } | null = null;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const word = match[1];
      if (!word) continue;
      const at = match.index + match[0].lastIndexOf(word);
      if (!best || at < best.at) best = { at, raw: word.replace(/\s+/g, ' ') };
      break;
    }
  }
  return best?.raw ?? null;
}

/**
 * The kind of contract words name: `classifyContract`'s French keywords first, then the English
 * words a French list would not know ("internship" is a stage). Null for no words.
 */
export function contractKind(raw: string): Contract | null {
  const kind = classifyContract(raw);
  if (kind !== 'autre') return kind;
  const folded = raw.toLowerCase();
  if (/\bintern(?:ship)?s?\b|\btrainee/.test(folded)) return 'stage';
  if (/\bapprentice/.test(folded)) return 'alternance';
  if (/\bpermanent\b/.test(folded)) return 'CDI';
  if (/\bfixed[- ]term\b|\btemporary\b/.test(folded)) return 'CDD';
  if (/\bcontractor\b|\bself[- ]employed\b/.test(folded)) return 'freelance';
  return kind;
}

/**
 * schema.org `employmentType` values (FULL_TIME, CONTRACTOR, INTERN, TEMPORARY…) → a contract kind.
 * FULL_TIME and PART_TIME give working hours, not a contract: null, so other words can still say.
 */
export function employmentTypeKind(value: string): Contract | null {
  const code = value
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  switch (code) {
    case 'FULL_TIME':
    case 'PART_TIME':
      return null;
    case 'CONTRACTOR':
      return 'freelance';
    case 'TEMPORARY':
      return 'CDD';
    case 'INTERN':
    case 'INTERNSHIP':
      return 'stage';
    case 'PER_DIEM':
    case 'VOLUNTEER':
    case 'OTHER':
      return 'autre';
    default:
      return value.trim() === '' ? null : contractKind(value);
  }
}
