import { loadLexicon } from '../src/main/services/compare-lexicon'
import { isAct, isPlaceName, relatedStems } from '../src/shared/compare/lexicon'
void (async () => {
  const t = performance.now()
  const lex = (await loadLexicon())!
  console.log('ms', performance.now() - t)
  for (const w of process.argv.slice(2)) console.log(w, isAct(lex, w) ? 'ACT' : '', isPlaceName(lex, w) ? 'PLACE' : '', lex.pos[w], relatedStems(lex, w).map(([s, x, r]) => `${s}:${r[0]}${x}`).join(' '), '| names:', relatedStems(lex, w, 'names').map(([s, x, r]) => `${s}:${r[0]}${x}`).join(' '))
})()
