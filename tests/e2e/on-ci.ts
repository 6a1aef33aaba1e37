/**
 * Under CI=true a test whose precondition is missing (the corpus beside the checkout, root for a
 * tmpfs, a font to draw a scan) fails instead of skipping: .ci/run installs what they need, so a
 * skip there would be a promise not kept. Elsewhere (a plain clone, no root) they skip with a reason.
 */
export const ON_CI = process.env.CI === 'true'
