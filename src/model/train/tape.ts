// Reverse-mode automatic differentiation, the smallest version that trains a transformer:
// every op computes its output now and pushes a closure that, run later in reverse order,
// turns the output's gradient into gradients of its inputs (the chain rule, one op at a time).

/** A tensor that can carry a gradient. `data` and `grad` are flat, row-major, like `Tensor`. */
export interface Var {
  readonly data: Float32Array;
  readonly shape: readonly number[];
  /** dLoss/dData, allocated on first use; same length as `data`. */
  grad: Float32Array | null;
}

/** A new Var holding `data` (not copied). */
export function variable(data: Float32Array, shape: readonly number[]): Var {
  return { data, shape: [...shape], grad: null };
}

/** The gradient buffer of `v`, created as zeros the first time an op adds to it. */
export function gradOf(v: Var): Float32Array {
  if (!v.grad) v.grad = new Float32Array(v.data.length);
  return v.grad;
}

/** The record of one forward pass. Pass `null` instead of a Tape to run without gradients. */
export class Tape {
  private readonly steps: (() => void)[] = [];

  /** Called by ops: `fn` reads the output's grad and adds into the inputs' grads. */
  record(fn: () => void): void {
    this.steps.push(fn);
  }

  /** Seeds dLoss/dLoss = 1 and replays the ops backwards. `loss` must be a scalar Var. */
  backward(loss: Var): void {
    gradOf(loss)[0] = 1;
    for (let i = this.steps.length - 1; i >= 0; i--) this.steps[i]();
    this.steps.length = 0; // a tape is used once; drop the closures (and the activations they hold)
  }
}
