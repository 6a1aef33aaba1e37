/**
 * The one compromise instance of the suggesters, with the compromise-dates plugin installed
 * before first use. Plugins change compromise globally (they retag words), so installing it
 * here, once, keeps the name finder's tagging the same whether or not dates were read first.
 */
import nlp from 'compromise'
import datesPlugin from 'compromise-dates'

nlp.plugin(datesPlugin)

export default nlp
