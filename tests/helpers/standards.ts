/**
 * The standards the tests validate against, vendored in tests/fixtures/standards/ (see its
 * PROVENANCE.md): present in every clone, so these checks never skip.
 */
import { resolve } from 'node:path'

const STANDARDS = resolve(__dirname, '..', 'fixtures', 'standards')

/** The W3C Web Annotation test suite folder (definitions/, annotations/, collections/, tools/samples/). */
export const W3C_SUITE = resolve(STANDARDS, 'w3c', 'web-annotation-tests')
/** TEI P5 4.9.0 tei_all RELAX NG schema. */
export const TEI_ALL_RNG = resolve(STANDARDS, 'tei', 'tei_all.rng')
/** CSL-JSON input schema (CSL 1.0). */
export const CSL_DATA_SCHEMA = resolve(STANDARDS, 'csl', 'csl-data.json')
