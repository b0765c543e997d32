;; The matrix-product kernel of Attention Atlas, in WebAssembly text with SIMD128 (f32x4).
;; Built into src/model/kernels/gemmWasm.ts by `npm run build:kernels` (scripts/build-kernels.ts,
;; npm package wabt); the pure-TypeScript kernels in src/model/ops/matmul.ts compute the same
;; products and are the readable reference.
;;
;; C = alpha·A·B + bias on packed operands (src/model/kernels/simd.ts packs them):
;;   A  row blocks of 4 rows, k-major: block r is [Kp, 4] floats at ap + r·Kp·16 bytes
;;   B  panels of 8 columns, k-major:  panel p is [Kp, 8] floats at bp + p·Kp·32 bytes
;;   C  [4·M4, 8·NP] floats, row-major, at cp;  bias [8·NP] floats at biasp
;; Kp (the padded K) is a multiple of 4; padding rows and columns hold zeros.
;;
;; Register tile: 4 rows × 8 columns of C = 8 f32x4 accumulators, plus 2 B vectors and one
;; broadcast A value (11 of the 16 SIMD registers of x64). Each k step loads 2 vectors of B and
;; 4 floats of A for 32 multiply-adds; the k loop is unrolled 4 times. The outer loop walks the
;; B panels, so each panel (the weights) is read from memory once and stays in cache while every
;; row block of A passes by. One call covers k in [k0, k0 + kc): a caller that splits K into
;; blocks (so that A's block stays in cache) sets mode bit 0 (add to C) on every block but the
;; first and mode bit 1 (finish: C = alpha·C + bias) on the last.
(module
  (memory (export "memory") 1)

  (func (export "gemm")
    (param $ap i32) (param $bp i32) (param $cp i32) (param $biasp i32)
    (param $M4 i32) (param $NP i32) (param $Kp i32) (param $k0 i32) (param $kc i32)
    (param $mode i32) (param $alpha f32)
    (local $p i32) (local $r i32) (local $a i32) (local $b i32) (local $bend i32)
    (local $c i32) (local $ldc i32)
    (local $c00 v128) (local $c01 v128) (local $c10 v128) (local $c11 v128)
    (local $c20 v128) (local $c21 v128) (local $c30 v128) (local $c31 v128)
    (local $b0 v128) (local $b1 v128) (local $x v128)
    (local $al v128) (local $bias0 v128) (local $bias1 v128)
    (local.set $ldc (i32.mul (local.get $NP) (i32.const 32))) ;; bytes per row of C
    (local.set $al (f32x4.splat (local.get $alpha)))
    (if (i32.eqz (local.get $kc)) (then (return)))
    (local.set $p (i32.const 0))
    (block $panelsDone
      (loop $panels
        (br_if $panelsDone (i32.ge_u (local.get $p) (local.get $NP)))
        (local.set $bias0 (v128.load offset=0 (i32.add (local.get $biasp) (i32.mul (local.get $p) (i32.const 32)))))
        (local.set $bias1 (v128.load offset=16 (i32.add (local.get $biasp) (i32.mul (local.get $p) (i32.const 32)))))
        (local.set $r (i32.const 0))
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $M4)))
            ;; a = start of this row block's k block; b = start of this panel's k block
            (local.set $a (i32.add (local.get $ap)
              (i32.mul (i32.add (i32.mul (local.get $r) (local.get $Kp)) (local.get $k0)) (i32.const 16))))
            (local.set $b (i32.add (local.get $bp)
              (i32.mul (i32.add (i32.mul (local.get $p) (local.get $Kp)) (local.get $k0)) (i32.const 32))))
            (local.set $bend (i32.add (local.get $b) (i32.mul (local.get $kc) (i32.const 32))))
            (local.set $c (i32.add (local.get $cp)
              (i32.add (i32.mul (i32.mul (local.get $r) (i32.const 4)) (local.get $ldc))
                       (i32.mul (local.get $p) (i32.const 32)))))
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
            (loop $k
        ;; k + 0: two vectors of the B panel (8 columns), then each of the 4 rows of A broadcast
        (local.set $b0 (v128.load offset=0 (local.get $b)))
        (local.set $b1 (v128.load offset=16 (local.get $b)))
        (local.set $x (v128.load32_splat offset=0 (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=4 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=8 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=12 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        ;; k + 1: two vectors of the B panel (8 columns), then each of the 4 rows of A broadcast
        (local.set $b0 (v128.load offset=32 (local.get $b)))
        (local.set $b1 (v128.load offset=48 (local.get $b)))
        (local.set $x (v128.load32_splat offset=16 (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=20 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=24 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=28 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        ;; k + 2: two vectors of the B panel (8 columns), then each of the 4 rows of A broadcast
        (local.set $b0 (v128.load offset=64 (local.get $b)))
        (local.set $b1 (v128.load offset=80 (local.get $b)))
        (local.set $x (v128.load32_splat offset=32 (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=36 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=40 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=44 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
        ;; k + 3: two vectors of the B panel (8 columns), then each of the 4 rows of A broadcast
        (local.set $b0 (v128.load offset=96 (local.get $b)))
        (local.set $b1 (v128.load offset=112 (local.get $b)))
        (local.set $x (v128.load32_splat offset=48 (local.get $a)))
        (local.set $c00 (f32x4.add (local.get $c00) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c01 (f32x4.add (local.get $c01) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=52 (local.get $a)))
        (local.set $c10 (f32x4.add (local.get $c10) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c11 (f32x4.add (local.get $c11) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=56 (local.get $a)))
        (local.set $c20 (f32x4.add (local.get $c20) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c21 (f32x4.add (local.get $c21) (f32x4.mul (local.get $x) (local.get $b1))))
        (local.set $x (v128.load32_splat offset=60 (local.get $a)))
        (local.set $c30 (f32x4.add (local.get $c30) (f32x4.mul (local.get $x) (local.get $b0))))
        (local.set $c31 (f32x4.add (local.get $c31) (f32x4.mul (local.get $x) (local.get $b1))))
              (local.set $a (i32.add (local.get $a) (i32.const 64)))
              (local.set $b (i32.add (local.get $b) (i32.const 128)))
              (br_if $k (i32.lt_u (local.get $b) (local.get $bend))))
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
        (br $panels)))))
