/** English function words, skipped when ranking (they carry no evidence that a passage supports a claim). */
export const STOPWORDS = new Set(
  `a an the and or but nor of to in on at by for with from into onto upon about above below over under
  as than then that this these those there here which who whom whose what when where while why how
  is are was were be been being am has have had having do does did done shall should will would may might
  must can could it its it's he him his she her hers they them their theirs we us our ours you your yours i me my mine
  not no so such very too also only even just yet still again ever never all any some each every both either neither
  one ones other others own same more most less least much many few several
  if unless though although because since till until after before during within without between among against
  s t up down out off through via per whether thus hence therefore however moreover
  himself herself itself themselves ourselves yourself myself being whilst whereas whereby wherein thereby`.split(/\s+/)
)
