/**
 * Truncated singular value decomposition of a sparse matrix by the randomized range finder of
 * Halko, Martinsson and Tropp (2011): a Gaussian sketch of the column space, a few power
 * iterations, then the exact eigen-decomposition of the small projected matrix (Jacobi). Plain
 * TypeScript on typed arrays; deterministic for a given seed.
 */

/** A sparse matrix of `rows` × `cols` in compressed rows: row r holds entries rowStart[r] … rowStart[r + 1] − 1. */
export interface SparseRows {
  rows: number
  cols: number
  rowStart: Int32Array
  col: Int32Array
  value: Float64Array
}

export interface TruncatedSvd {
  /** Left singular vectors, row-major rows × k (row r is row r's coordinates). */
  u: Float64Array
  /** Singular values, largest first (k). */
  s: Float64Array
  k: number
}

/** A small deterministic PRNG (mulberry32) and standard normal draws from it (Box–Muller). */
function gaussian(seed: number): () => number {
  let a = seed >>> 0
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return () => Math.sqrt(-2 * Math.log(uniform() + 1e-12)) * Math.cos(2 * Math.PI * uniform())
}

/** A × M for M row-major cols × l; result row-major rows × l. */
function times(a: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.rows * l)
  for (let r = 0; r < a.rows; r++) {
    const o = r * l
    for (let e = a.rowStart[r]; e < a.rowStart[r + 1]; e++) {
      const v = a.value[e]
      const c = a.col[e] * l
      for (let j = 0; j < l; j++) out[o + j] += v * m[c + j]
    }
  }
  return out
}

/** Aᵀ × M for M row-major rows × l; result row-major cols × l. */
function timesTransposed(a: SparseRows, m: Float64Array, l: number): Float64Array {
  const out = new Float64Array(a.cols * l)
  for (let r = 0; r < a.rows; r++) {
    const o = r * l
    for (let e = a.rowStart[r]; e < a.rowStart[r + 1]; e++) {
      const v = a.value[e]
      const c = a.col[e] * l
      for (let j = 0; j < l; j++) out[c + j] += v * m[o + j]
    }
  }
  return out
}

/** Mᵀ M for M row-major n × l (l × l, symmetric). */
function gram(m: Float64Array, n: number, l: number): Float64Array {
  const g = new Float64Array(l * l)
  for (let r = 0; r < n; r++) {
    const o = r * l
    for (let i = 0; i < l; i++) {
      const v = m[o + i]
      if (v === 0) continue
      for (let j = i; j < l; j++) g[i * l + j] += v * m[o + j]
    }
  }
  for (let i = 0; i < l; i++) for (let j = 0; j < i; j++) g[i * l + j] = g[j * l + i]
  return g
}

/**
 * Eigen-decomposition of a symmetric l × l matrix by cyclic Jacobi rotations: eigenvalues
 * (descending) and eigenvectors as the columns of a row-major l × l matrix, in the same order.
 */
export function symmetricEigen(matrix: Float64Array, l: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix)
  const v = new Float64Array(l * l)
  for (let i = 0; i < l; i++) v[i * l + i] = 1
  let total = 0
  for (let i = 0; i < l * l; i++) total += a[i] * a[i]
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0
    for (let p = 0; p < l; p++) for (let q = p + 1; q < l; q++) off += a[p * l + q] ** 2
    // Converged when the off-diagonal part is negligible relative to the whole matrix.
    if (off <= total * 1e-24) break
    for (let p = 0; p < l; p++) {
      for (let q = p + 1; q < l; q++) {
        const apq = a[p * l + q]
        if (Math.abs(apq) < 1e-300) continue
        const theta = (a[q * l + q] - a[p * l + p]) / (2 * apq)
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1))
        const c = 1 / Math.sqrt(t * t + 1)
        const s = t * c
        for (let k = 0; k < l; k++) {
          const akp = a[k * l + p]
          const akq = a[k * l + q]
          a[k * l + p] = c * akp - s * akq
          a[k * l + q] = s * akp + c * akq
        }
        for (let k = 0; k < l; k++) {
          const apk = a[p * l + k]
          const aqk = a[q * l + k]
          a[p * l + k] = c * apk - s * aqk
          a[q * l + k] = s * apk + c * aqk
        }
        for (let k = 0; k < l; k++) {
          const vkp = v[k * l + p]
          const vkq = v[k * l + q]
          v[k * l + p] = c * vkp - s * vkq
          v[k * l + q] = s * vkp + c * vkq
        }
      }
    }
  }
  const order = Array.from({ length: l }, (_, i) => i).sort((x, y) => a[y * l + y] - a[x * l + x])
  const values = Float64Array.from(order, (i) => a[i * l + i])
  const vectors = new Float64Array(l * l)
  for (let r = 0; r < l; r++) for (let j = 0; j < l; j++) vectors[r * l + j] = v[r * l + order[j]]
  return { values, vectors }
}

/**
 * Orthonormal basis of the columns of M (row-major n × l), through the eigen-decomposition of
 * MᵀM (columns with a negligible share of the energy are dropped): returns the basis and its width.
 */
function orthonormalise(m: Float64Array, n: number, l: number): { q: Float64Array; width: number } {
  const { values, vectors } = symmetricEigen(gram(m, n, l), l)
  const keep: number[] = []
  for (let j = 0; j < l; j++) if (values[j] > values[0] * 1e-12) keep.push(j)
  const w = keep.length
  // Q = M E Λ^(-1/2), the kept columns only.
  const t = new Float64Array(l * w)
  keep.forEach((j, c) => {
    const scale = 1 / Math.sqrt(values[j])
    for (let i = 0; i < l; i++) t[i * w + c] = vectors[i * l + j] * scale
  })
  const q = new Float64Array(n * w)
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < l; i++) {
      const v = m[r * l + i]
      if (v === 0) continue
      for (let c = 0; c < w; c++) q[r * w + c] += v * t[i * w + c]
    }
  }
  return { q, width: w }
}

export interface SvdOptions {
  /** Extra sketch columns beyond k (accuracy of the trailing vectors). */
  oversample?: number
  /** Power iterations (sharpen the spectrum; 1–2 suffice for text). */
  iterations?: number
  seed?: number
}

/** The k leading singular values and left singular vectors of a sparse matrix. */
export function truncatedSvd(a: SparseRows, k: number, options: SvdOptions = {}): TruncatedSvd {
  const l0 = Math.min(k + (options.oversample ?? 10), a.rows, a.cols)
  const draw = gaussian(options.seed ?? 1)
  const omega = Float64Array.from({ length: a.cols * l0 }, draw)
  let { q, width } = orthonormalise(times(a, omega, l0), a.rows, l0)
  for (let it = 0; it < (options.iterations ?? 2); it++) {
    const z = orthonormalise(timesTransposed(a, q, width), a.cols, width)
    ;({ q, width } = orthonormalise(times(a, z.q, z.width), a.rows, z.width))
  }
  // Qᵀ A Aᵀ Q = Wᵀ W with W = Aᵀ Q: its eigenvectors rotate Q onto the singular vectors.
  const { values, vectors } = symmetricEigen(gram(timesTransposed(a, q, width), a.cols, width), width)
  const kk = Math.min(k, width)
  const u = new Float64Array(a.rows * kk)
  for (let r = 0; r < a.rows; r++) {
    for (let i = 0; i < width; i++) {
      const v = q[r * width + i]
      if (v === 0) continue
      for (let c = 0; c < kk; c++) u[r * kk + c] += v * vectors[i * width + c]
    }
  }
  return { u, s: Float64Array.from(values.subarray(0, kk), (x) => Math.sqrt(Math.max(0, x))), k: kk }
}
