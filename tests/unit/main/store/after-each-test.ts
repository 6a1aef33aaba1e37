/**
 * Setup file of the mutation run (vitest.mutation.config.mts): after every test of every file, the
 * store test kit's temp folders are removed and spies put back. Under `isolate: false` the kit's own
 * `afterEach` is registered in the first file that imports it only (docs/mutation.md).
 */
import { afterEach } from 'vitest'
import { cleanUp } from './store-test-kit'

afterEach(cleanUp)
