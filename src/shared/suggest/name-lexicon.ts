/**
 * Small word lists the name finder uses to decide whether a proper name is a person, a place,
 * an organisation (polity, dynasty, republic) or an event. All lower case; compared folded.
 * They are cues, not gazetteers: each list holds words that *introduce* or *head* a name.
 */

/** Titles written before a person's name (`Emperor Manuel II`); they are not part of the name. */
export const TITLES = new Set([
  'emperor', 'empress', 'king', 'queen', 'sultan', 'tsar', 'czar', 'khan', 'caliph', 'emir', 'pope',
  'patriarch', 'saint', 'st', 'st.', 'despot', 'prince', 'princess', 'duke', 'duchess', 'count',
  'countess', 'lord', 'lady', 'sir', 'bishop', 'archbishop', 'cardinal', 'doge', 'basileus', 'co-emperor',
  'general', 'admiral', 'regent', 'grand', 'mr', 'mrs', 'dr', 'professor'
])

/** Lower-case words just before a name that show it is a person (`his uncle Manuel II`). */
export const PERSON_CUES = new Set([
  'father', 'mother', 'son', 'daughter', 'brother', 'sister', 'uncle', 'aunt', 'nephew', 'niece',
  'cousin', 'grandfather', 'grandmother', 'grandson', 'granddaughter', 'wife', 'husband', 'widow',
  'heir', 'successor', 'predecessor', 'rival', 'ally', 'name', 'named', 'called', 'alias', 'by', 'with',
  'emperor', 'empress', 'king', 'queen', 'sultan', 'pope', 'historian', 'chronicler', 'author', 'general',
  'ruler', 'conqueror', 'vizier', 'governor', 'prince', 'princess', 'khan', 'sheikh', 'shah', 'consort', 'regent'
])

/** Lower-case words just before a name that show it is a place (`besieged Constantinople`, `to Thessalonica`). */
export const PLACE_CUES = new Set([
  'in', 'at', 'to', 'from', 'near', 'into', 'towards', 'toward', 'across', 'through', 'around',
  'besieged', 'conquered', 'captured', 'sacked', 'occupied', 'city', 'town', 'island', 'fortress',
  'province', 'region', 'coast', 'capital', 'reached', 'entered', 'via', 'outside', 'inside', 'granted',
  'ceded', 'retire', 'retired', 'fled', 'returned', 'sailed', 'marched'
])

/** Head words of place names (`Aegean Sea`, `Sea of Marmara`, `Mount Athos`). */
export const PLACE_HEADS = new Set([
  'sea', 'ocean', 'river', 'lake', 'gulf', 'bay', 'strait', 'straits', 'mount', 'mountains', 'island',
  'islands', 'isle', 'peninsula', 'valley', 'cape', 'coast', 'desert', 'plain', 'forest', 'europe',
  'asia', 'africa', 'anatolia', 'balkans', 'morea', 'city'
])

/** Head words of organisations and polities (`Ottoman Empire`, `Republic of Venice`). */
export const ORGANISATION_HEADS = new Set([
  'empire', 'republic', 'kingdom', 'sultanate', 'caliphate', 'khanate', 'duchy', 'principality',
  'despotate', 'dynasty', 'church', 'papacy', 'order', 'league', 'company', 'university', 'senate',
  'council', 'commune', 'army', 'navy', 'patriarchate', 'union', 'international', 'association', 'federation',
  'confederation', 'committee', 'party', 'society', 'institute', 'academy'
])

/** Head words of events (`Battle of Ankara`, `Siege of Constantinople`, `Fourth Crusade`). */
export const EVENT_HEADS = new Set([
  'battle', 'siege', 'sack', 'fall', 'treaty', 'peace', 'war', 'wars', 'crusade', 'revolt', 'rebellion',
  'massacre', 'schism', 'coronation', 'conquest', 'interregnum', 'campaign', 'expedition', 'synod', 'uprising',
  'revolution', 'reformation', 'enlightenment', 'renaissance'
])

/** Capitalised words that open sentences or headings and are not names in themselves. */
export const NOT_NAMES = new Set([
  'the', 'a', 'an', 'he', 'she', 'it', 'they', 'his', 'her', 'their', 'its', 'this', 'that', 'these',
  'there', 'when', 'while', 'after', 'before', 'although', 'both', 'on', 'in', 'at', 'by', 'of',
  'as', 'but', 'and', 'or', 'for', 'with', 'from', 'to', 'during', 'since', 'until', 'however',
  'categories', 'references', 'sources', 'notes', 'life', 'family', 'see', 'also', 'external', 'links',
  'further', 'reading', 'bibliography', 'greek', 'latin', 'english', 'french', 'turkish', 'arabic',
  'i', 'we', 'you', 'our', 'my', 'taking', 'following', 'some', 'many', 'one', 'two', 'all', 'alias', 'or',
  'muslim', 'muslims', 'christian', 'christians', 'christianity', 'islam', 'islamic', 'orthodox', 'catholic',
  'jewish', 'pagan', 'no', 'not', 'yes', 'if', 'then', 'thus', 'later', 'meanwhile', 'despite', 'under', 'among', 'between'
])

/** Regnal numerals I–XXX (`Manuel II`, `John VIII`): after a name they make it a ruler's name. */
export const REGNAL = /^(?:X{0,2}(?:IX|IV|V?I{0,3})|XXX)$/

/** Words that may join two parts of one name (`Keratsa of Bulgaria`, `Sea of Marmara`). */
export const NAME_JOINERS = new Set(['of', 'de', 'da', 'di', 'von', 'van', 'del', 'della', 'du', 'al', 'ibn', 'bin', 'the'])

/** Nouns followed by `of <name>` where the name is a person (`a prisoner of Timur`, `the wife of Manuel`). */
export const PERSON_OF = new Set([
  'prisoner', 'son', 'daughter', 'wife', 'husband', 'brother', 'sister', 'father', 'mother', 'widow', 'heir', 'successor',
  'nephew', 'niece', 'cousin', 'uncle', 'aunt', 'grandson', 'granddaughter', 'envoy', 'vassal', 'court', 'reign', 'death', 'murder'
])

/** Nouns followed by `of <name>` where the name is a place (`the city of Thessalonica`). */
export const PLACE_OF = new Set([
  'city', 'town', 'domain', 'region', 'province', 'island', 'coast', 'siege', 'capital', 'territory', 'fortress',
  'port', 'walls', 'gates', 'citadel', 'harbour', 'harbor', 'hometown', 'birthplace', 'village', 'castle', 'district', 'county',
  // titles of a territory's ruler: `Emperor of All Thessaly`, `Despot of the Morea`
  'emperor', 'king', 'queen', 'despot', 'duke', 'prince', 'sultan', 'bishop', 'archbishop', 'patriarch', 'lord', 'count', 'ruler'
])

/** Endings of demonyms and adjectives of peoples (`Serbian`, `Turkish`, `Genoese`, `Ottomans`). */
export const DEMONYM = /(?:ians?|ish|ese|ines|ans)$/u
