;; The matrix-product kernel of Attention Atlas, in WebAssembly text with SIMD128 (f32x4).
;; Assembled into src/model/kernels/gemmWasm.ts by `npm run build:kernels` (scripts/build-kernels.ts,
;; npm package wabt). The TypeScript kernels in src/model/ops/matmul.ts compute the same products
;; and are the readable reference; src/model/kernels/simd.ts lays the operands out for this one.
;;
;; C = alpha·A·B + bias, one 4 × 8 block of C at a time. Every operand is addressed by strides (in
;; bytes), so the same code reads a packed copy, a row-major matrix, a transposed one, or one head's
;; columns of a [S, dModel] activation in place:
;;   A[4r + i, k]       at ap + r·ablk + i·ars + k·aks        (r: row block, i < 4)
;;   B[k, 8p + j]       at bp + p·bps + k·bks + 4j           (p: panel of 8 columns, j < 8)
;;   C[4r + i, 8p + j]  at cp + (4r + i)·ldc + 32p + 4j;  bias[8p + j] at biasp + 32p + 4j
;; The caller pads: M to 4·M4 rows, N to 8·NP columns (whatever lands in padding is discarded).
;;
;; Register tile: 4 rows × 8 columns of C = 8 f32x4 accumulators, plus 2 vectors of B and one
;; broadcast A value (11 of the 16 SIMD registers of x64): each k step loads 2 vectors and 4 floats
;; for 32 multiply-adds. The outer loop walks the B panels, so each panel (the weights) is read
;; from memory once and stays in cache while every row block of A passes by. One call covers k in
;; [k0, k0 + kc): a caller that splits K into blocks (so A's block stays in cache) sets mode bit 0
;; (start from what C holds) on every block but the first — or on all, to add to C — and mode
;; bit 1 (finish: C = alpha·C + bias) on the last.
(module
  (memory (export "memory") 1)

  (func (export "gemm")
    (param $ap i32) (param $ablk i32) (param $ars i32) (param $aks i32)
    (param $bp i32) (param $bps i32) (param $bks i32)
    (param $cp i32) (param $ldc i32) (param $biasp i32)
    (param $M4 i32) (param $NP i32) (param $k0 i32) (param $kc i32)
    (param $mode i32) (param $alpha f32)
    (local $p i32) (local $r i32) (local $a i32) (local $b i32) (local $n i32) (local $c i32)
    (local $ars2 i32) (local $ars3 i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $al v128) (local $bias0 v128) (local $bias1 v128)
    (local.set $ars2 (i32.shl (local.get $ars) (i32.const 1)))
    (local.set $ars3 (i32.add (local.get $ars2) (local.get $ars)))
    (local.set $al (f32x4.splat (local.get $alpha)))
    (local.set $p (i32.const 0))
    (block $panelsDone
      (loop $panels
        (br_if $panelsDone (i32.ge_u (local.get $p) (local.get $NP)))
        (local.set $bias0 (v128.load offset=0 (i32.add (local.get $biasp) (i32.shl (local.get $p) (i32.const 5)))))
        (local.set $bias1 (v128.load offset=16 (i32.add (local.get $biasp) (i32.shl (local.get $p) (i32.const 5)))))
        (local.set $r (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $M4)))
            (local.set $a (i32.add (i32.add (local.get $ap) (i32.mul (local.get $r) (local.get $ablk)))
                                   (i32.mul (local.get $k0) (local.get $aks))))
            (local.set $b (i32.add (i32.add (local.get $bp) (i32.mul (local.get $p) (local.get $bps)))
                                   (i32.mul (local.get $k0) (local.get $bks))))
            (local.set $c (i32.add (i32.add (local.get $cp) (i32.mul (i32.shl (local.get $r) (i32.const 2)) (local.get $ldc)))
                                   (i32.shl (local.get $p) (i32.const 5))))
            (if (i32.and (local.get $mode) (i32.const 1))
              (then
                (local.set $c00 (v128.load offset=0 (i32.add (local.get $c) (i32.mul (i32.const 0) (local.get $ldc)))))
                (local.set $c01 (v128.load offset=16 (i32.add (local.get $c) (i32.mul (i32.const 0) (local.get $ldc)))))
                (local.set $c10 (v128.load offset=0 (i32.add (local.get $c) (i32.mul (i32.const 1) (local.get $ldc)))))
                (local.set $c11 (v128.load offset=16 (i32.add (local.get $c) (i32.mul (i32.const 1) (local.get $ldc)))))
                (local.set $c20 (v128.load offset=0 (i32.add (local.get $c) (i32.mul (i32.const 2) (local.get $ldc)))))
                (local.set $c21 (v128.load offset=16 (i32.add (local.get $c) (i32.mul (i32.const 2) (local.get $ldc)))))
                (local.set $c30 (v128.load offset=0 (i32.add (local.get $c) (i32.mul (i32.const 3) (local.get $ldc)))))
                (local.set $c31 (v128.load offset=16 (i32.add (local.get $c) (i32.mul (i32.const 3) (local.get $ldc))))))
              (else
                (local.set $c00 (v128.const i32x4 0 0 0 0))
                (local.set $c01 (v128.const i32x4 0 0 0 0))
                (local.set $c10 (v128.const i32x4 0 0 0 0))
                (local.set $c11 (v128.const i32x4 0 0 0 0))
                (local.set $c20 (v128.const i32x4 0 0 0 0))
                (local.set $c21 (v128.const i32x4 0 0 0 0))
                (local.set $c30 (v128.const i32x4 0 0 0 0))
                (local.set $c31 (v128.const i32x4 0 0 0 0))))
            (local.set $n (local.get $kc))
            (block $kDone
              (loop $k
                (br_if $kDone (i32.eqz (local.get $n)))
              ;; one k step: 8 columns of B (two vectors), each of the 4 rows of A broadcast
              (local.set $b0 (v128.load offset=0 (local.get $b)))
              (local.set $b1 (v128.load offset=16 (local.get $b)))
              (local.set $x (v128.load32_splat (local.get $a)))
              (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat (i32.add (local.get $a) (local.get $ars))))
              (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat (i32.add (local.get $a) (local.get $ars2))))
              (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $x (v128.load32_splat (i32.add (local.get $a) (local.get $ars3))))
              (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
              (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $a (i32.add (local.get $a) (local.get $aks)))
              (local.set $b (i32.add (local.get $b) (local.get $bks)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $k)))
            (if (i32.and (local.get $mode) (i32.const 2))
              (then
                (local.set $c00 (f32x4.add (f32x4.mul (local.get $c00) (local.get $al)) (local.get $bias0)))
                (local.set $c01 (f32x4.add (f32x4.mul (local.get $c01) (local.get $al)) (local.get $bias1)))
                (local.set $c10 (f32x4.add (f32x4.mul (local.get $c10) (local.get $al)) (local.get $bias0)))
                (local.set $c11 (f32x4.add (f32x4.mul (local.get $c11) (local.get $al)) (local.get $bias1)))
                (local.set $c20 (f32x4.add (f32x4.mul (local.get $c20) (local.get $al)) (local.get $bias0)))
                (local.set $c21 (f32x4.add (f32x4.mul (local.get $c21) (local.get $al)) (local.get $bias1)))
                (local.set $c30 (f32x4.add (f32x4.mul (local.get $c30) (local.get $al)) (local.get $bias0)))
                (local.set $c31 (f32x4.add (f32x4.mul (local.get $c31) (local.get $al)) (local.get $bias1)))))
            (v128.store offset=0 (i32.add (local.get $c) (i32.mul (i32.const 0) (local.get $ldc))) (local.get $c00))
            (v128.store offset=16 (i32.add (local.get $c) (i32.mul (i32.const 0) (local.get $ldc))) (local.get $c01))
            (v128.store offset=0 (i32.add (local.get $c) (i32.mul (i32.const 1) (local.get $ldc))) (local.get $c10))
            (v128.store offset=16 (i32.add (local.get $c) (i32.mul (i32.const 1) (local.get $ldc))) (local.get $c11))
            (v128.store offset=0 (i32.add (local.get $c) (i32.mul (i32.const 2) (local.get $ldc))) (local.get $c20))
            (v128.store offset=16 (i32.add (local.get $c) (i32.mul (i32.const 2) (local.get $ldc))) (local.get $c21))
            (v128.store offset=0 (i32.add (local.get $c) (i32.mul (i32.const 3) (local.get $ldc))) (local.get $c30))
            (v128.store offset=16 (i32.add (local.get $c) (i32.mul (i32.const 3) (local.get $ldc))) (local.get $c31))
            (local.set $r (i32.add (local.get $r) (i32.const 1)))
            (br $rows)))
        (local.set $p (i32.add (local.get $p) (i32.const 1)))
        (br $panels))))
  ;; Exact GELU, x·Φ(x) = x/2·(1 + erf(x/√2)), in place on n floats at p (n a multiple of 4), for
  ;; the feed-forward of the forward pass. erf(z) = 1 − t·(a1 + a2·t + … + a5·t⁴)·e^(−z²) with
  ;; t = 1/(1 + 0.3275911·z) (Abramowitz & Stegun 7.1.26, absolute error < 1.5e-7, like the
  ;; TypeScript erf's 1.2e-7), e^w by Cephes' expf: w = n·ln2 + r, a degree-6 polynomial in r,
  ;; 2ⁿ put into the exponent bits.
  (func (export "gelu") (param $p i32) (param $n i32)
    (local $end i32) (local $x v128) (local $u v128) (local $z v128) (local $t v128)
    (local $poly v128) (local $w v128) (local $fx v128) (local $r v128) (local $e v128) (local $erf v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $n) (i32.const 2))))
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (v128.load (local.get $p)))
        (local.set $u (f32x4.mul (local.get $x) (v128.const f32x4 0.70710678118654752 0.70710678118654752 0.70710678118654752 0.70710678118654752)))
        (local.set $z (f32x4.abs (local.get $u)))
        (local.set $t (f32x4.div (v128.const f32x4 1.0 1.0 1.0 1.0)
          (f32x4.add (v128.const f32x4 1.0 1.0 1.0 1.0) (f32x4.mul (v128.const f32x4 0.3275911 0.3275911 0.3275911 0.3275911) (local.get $z)))))
        ;; t·(a1 + t·(a2 + t·(a3 + t·(a4 + t·a5))))
        (local.set $poly (f32x4.add (v128.const f32x4 -1.453152027 -1.453152027 -1.453152027 -1.453152027) (f32x4.mul (local.get $t) (v128.const f32x4 1.061405429 1.061405429 1.061405429 1.061405429))))
        (local.set $poly (f32x4.add (v128.const f32x4 1.421413741 1.421413741 1.421413741 1.421413741) (f32x4.mul (local.get $t) (local.get $poly))))
        (local.set $poly (f32x4.add (v128.const f32x4 -0.284496736 -0.284496736 -0.284496736 -0.284496736) (f32x4.mul (local.get $t) (local.get $poly))))
        (local.set $poly (f32x4.add (v128.const f32x4 0.254829592 0.254829592 0.254829592 0.254829592) (f32x4.mul (local.get $t) (local.get $poly))))
        (local.set $poly (f32x4.mul (local.get $t) (local.get $poly)))
        ;; e = exp(w), w = −z² (clamped where e^w is below every float32 that matters)
        (local.set $w (f32x4.max (v128.const f32x4 -87.0 -87.0 -87.0 -87.0) (f32x4.neg (f32x4.mul (local.get $z) (local.get $z)))))
        (local.set $fx (f32x4.nearest (f32x4.mul (local.get $w) (v128.const f32x4 1.44269504088896341 1.44269504088896341 1.44269504088896341 1.44269504088896341))))
        (local.set $r (f32x4.sub (f32x4.sub (local.get $w) (f32x4.mul (local.get $fx) (v128.const f32x4 0.693359375 0.693359375 0.693359375 0.693359375)))
                                 (f32x4.mul (local.get $fx) (v128.const f32x4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4 -2.12194440e-4))))
        (local.set $e (f32x4.add (v128.const f32x4 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3 1.3981999507e-3) (f32x4.mul (local.get $r) (v128.const f32x4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4 1.9875691500e-4))))
        (local.set $e (f32x4.add (v128.const f32x4 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3 8.3334519073e-3) (f32x4.mul (local.get $r) (local.get $e))))
        (local.set $e (f32x4.add (v128.const f32x4 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2 4.1665795894e-2) (f32x4.mul (local.get $r) (local.get $e))))
        (local.set $e (f32x4.add (v128.const f32x4 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1 1.6666665459e-1) (f32x4.mul (local.get $r) (local.get $e))))
        (local.set $e (f32x4.add (v128.const f32x4 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1 5.0000001201e-1) (f32x4.mul (local.get $r) (local.get $e))))
        (local.set $e (f32x4.add (f32x4.add (f32x4.mul (f32x4.mul (local.get $e) (local.get $r)) (local.get $r)) (local.get $r))
                                 (v128.const f32x4 1.0 1.0 1.0 1.0)))
        (local.set $e (f32x4.mul (local.get $e)
          (i32x4.shl (i32x4.add (i32x4.trunc_sat_f32x4_s (local.get $fx)) (v128.const i32x4 127 127 127 127)) (i32.const 23))))
        ;; erf(|u|) = 1 − poly·e, then the sign of u
        (local.set $erf (f32x4.sub (v128.const f32x4 1.0 1.0 1.0 1.0) (f32x4.mul (local.get $poly) (local.get $e))))
        (local.set $erf (v128.or (local.get $erf)
          (v128.and (local.get $u) (v128.const i32x4 0x80000000 0x80000000 0x80000000 0x80000000))))
        (v128.store (local.get $p)
          (f32x4.mul (f32x4.mul (v128.const f32x4 0.5 0.5 0.5 0.5) (local.get $x)) (f32x4.add (v128.const f32x4 1.0 1.0 1.0 1.0) (local.get $erf))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $each))))
)
