# Exports one GPT-2-small-shaped transformer layer (dModel 768, 12 heads, dFF 3072, GELU, pre-norm,
# sequence length T) to ONNX with PyTorch, for `npm run bench` to run in onnxruntime-web beside
# Atlas's own layer. Random weights (seed 0): speed does not depend on their values.
#   /usr/bin/python3 bench/onnx/export_gpt2_layer.py OUT.onnx [T]
import sys

import torch

out = sys.argv[1]
T = int(sys.argv[2]) if len(sys.argv) > 2 else 128
torch.manual_seed(0)
layer = torch.nn.TransformerEncoderLayer(
    d_model=768, nhead=12, dim_feedforward=3072, dropout=0.0, activation="gelu", batch_first=True, norm_first=True
)
layer.eval()
# Not under no_grad: there PyTorch takes its fused fast path, which has no ONNX export.
torch.onnx.export(layer, (torch.randn(1, T, 768),), out, opset_version=14, input_names=["x"], output_names=["y"])
print(f"wrote {out} (torch {torch.__version__}, T {T})")
