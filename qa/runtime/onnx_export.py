"""One-time export of the embedder and the reader from their PyTorch weights to ONNX.

The answering path runs on ONNX Runtime (``qa.runtime.ort``), which starts in a fraction
of the time torch + transformers need.  The first use on a machine exports the
models here (about 10-30 s, needs torch, which is installed with the package)
into ``$QA_CACHE_DIR`` (default ``~/.cache/filing-qa``); later runs load the
cached files.  The embedder is exported in fp32 (its vectors match sentence-transformers'
to about 1e-6) and in dynamic int8 (the default for indexes, ``Settings.embedder_precision``);
the reader is quantised to dynamic int8.

Not handled: exporting on a machine without torch (copy the cache folder instead).
"""
from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import warnings
from pathlib import Path

log = logging.getLogger(__name__)
OPSET = 17


def cache_dir() -> Path:
    return Path(os.environ.get("QA_CACHE_DIR", Path.home() / ".cache" / "filing-qa"))


def _atomic_dir(target: Path, build) -> Path:
    """Run ``build(tmp)`` in a temporary folder, then move it to ``target`` in one rename."""
    if (target / "model.onnx").is_file():
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:
        build(tmp)
        try:
            os.rename(tmp, target)
        except OSError:                      # another process won the race
            if not (target / "model.onnx").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _export(module, example: dict, outputs: list[str], path: Path) -> None:
    import torch
    names = list(example)
    axes = {n: {0: "batch", 1: "tokens"} for n in names}
    axes.update({o: {0: "batch"} if o == "embedding" else {0: "batch", 1: "tokens"} for o in outputs})
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")           # tracer notes about shape-constant branches
        torch.onnx.export(module, tuple(example.values()), str(path), input_names=names,
                          output_names=outputs, dynamic_axes=axes, opset_version=OPSET, dynamo=False)


def _quiet() -> None:
    """No progress bars or load reports from transformers on stderr."""
    from transformers.utils import logging as hf_logging
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _example():
    import torch
    ids = torch.tensor([[101, 7592, 2088, 102, 2023, 102]], dtype=torch.long)
    return {"input_ids": ids, "attention_mask": torch.ones_like(ids),
            "token_type_ids": torch.tensor([[0, 0, 0, 0, 1, 1]], dtype=torch.long)}


def export_embedder(source: Path, target: Path, weights: str = "u8") -> Path:
    """all-MiniLM-L6-v2 with mean pooling and L2 normalisation inside the graph: ``model.onnx`` in
    fp32 and ``int8.onnx`` with every MatMul in dynamic int8 (per-channel weight scales; ``weights``
    as for :func:`export_reader`).  Measured on the 2 MB 485BPOS (2026-12-07, 2-core EPYC with
    VNNI): int8 embeds 1.6-1.8x faster, at cosine 0.984 (min) / 0.994 (mean) to the fp32 vectors."""
    def build(tmp: Path) -> None:
        import torch
        from transformers import AutoModel

        class Pooled(torch.nn.Module):
            def __init__(self, bert):
                super().__init__()
                self.bert = bert

            def forward(self, input_ids, attention_mask, token_type_ids):
                hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask,
                                   token_type_ids=token_type_ids).last_hidden_state
                mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
                mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                return torch.nn.functional.normalize(mean, p=2, dim=1)

        _quiet()
        log.info("exporting the embedder to ONNX (once per machine)")
        model = Pooled(AutoModel.from_pretrained(str(source), local_files_only=True,
                                                 attn_implementation="eager")).eval()
        _export(model, _example(), ["embedding"], tmp / "model.onnx")
        from onnxruntime.quantization import QuantType, quantize_dynamic
        quantize_dynamic(str(tmp / "model.onnx"), str(tmp / "int8.onnx"),
                         weight_type=QuantType.QInt8 if weights == "s8" else QuantType.QUInt8,
                         per_channel=True, op_types_to_quantize=["MatMul"])
        shutil.copy(source / "tokenizer.json", tmp / "tokenizer.json")
    return _atomic_dir(target, build)


def int8_weights(cpuinfo: Path = Path("/proc/cpuinfo")) -> str:
    """"s8" (signed int8 weights, U8S8) on a CPU with VNNI, "u8" (U8U8) elsewhere (see
    :func:`export_reader`).  Read from /proc/cpuinfo; where that is missing (not Linux), "u8"."""
    try:
        flags = cpuinfo.read_text(errors="replace")
    except OSError:
        return "u8"
    return "s8" if re.search(r"\b(avx512_vnni|avx_vnni|amx_int8)\b", flags) else "u8"


def export_reader(source: Path, target: Path, weights: str = "u8") -> Path:
    """The span reader (start and end logits): ``model.onnx`` in dynamic int8 (per-channel weights,
    see :func:`_kept_fp32`), ``fp32.onnx`` beside it (``Settings.reader_precision``).

    ``weights`` "u8" (U8U8) or "s8" (U8S8; :func:`int8_weights` picks by CPU).  With signed
    weights ONNX Runtime uses VPMADDUBSW on CPUs without VNNI (AVX2 only), whose 16-bit sums can
    saturate (ONNX Runtime's quantization notes); U8U8 products do not.  On a 2-core AMD EPYC
    (AVX2) the U8S8 export gave 13 of the 226 gold answers differently from the run the
    calibration was fitted on, U8U8 8 (fp32 kernels differ between CPUs too), gold EM 82.65 vs
    83.16 for U8S8 there; 7-bit weights (``reduce_range``) avoid saturation too but gave EM 81.63.
    With VNNI (no saturation) U8S8 is faster and closer to the calibration run: on a 2-core EPYC
    with AVX-512 VNNI, warm ask p50/p95 35-36 / 83-87 ms vs 39-40 / 109-120 ms for U8U8, gold EM
    83.67 vs 82.14, 15 vs 19 confident wrong."""
    def build(tmp: Path) -> None:
        import torch
        from onnxruntime.quantization import QuantType, quantize_dynamic
        from transformers import AutoModelForQuestionAnswering

        class Logits(torch.nn.Module):
            def __init__(self, qa_model):
                super().__init__()
                self.qa_model = qa_model

            def forward(self, input_ids, attention_mask, token_type_ids):
                out = self.qa_model(input_ids=input_ids, attention_mask=attention_mask,
                                    token_type_ids=token_type_ids)
                return out.start_logits, out.end_logits

        _quiet()
        log.info("exporting the reader to ONNX int8 (once per machine)")
        model = AutoModelForQuestionAnswering.from_pretrained(
            str(source), local_files_only=True, dtype=torch.float32, attn_implementation="eager").eval()
        _export(Logits(model), _example(), ["start_logits", "end_logits"], tmp / "fp32.onnx")
        signed = weights == "s8"
        quantize_dynamic(str(tmp / "fp32.onnx"), str(tmp / "model.onnx"),
                         weight_type=QuantType.QInt8 if signed else QuantType.QUInt8,
                         per_channel=True, op_types_to_quantize=["MatMul"],
                         nodes_to_exclude=_kept_fp32(tmp / "fp32.onnx"))
        shutil.copy(source / "tokenizer.json", tmp / "tokenizer.json")
    return _atomic_dir(target, build)


def _kept_fp32(path: Path) -> list[str]:
    """MatMuls the int8 reader keeps in fp32: the span head (two outputs per token, where a
    rounding error moves the answer).  Every other MatMul is int8 with per-channel weight scales.
    Earlier exports also kept each feed-forward output MatMul in fp32; measured on the gold set
    with every question answered, quantising them too changed F1 by -0.6 to +0.2 (within the
    run-to-run spread of dynamic activation scales) and cut the reader's forward from 40 to 26 ms."""
    import onnx
    graph = onnx.load(str(path), load_external_data=False).graph
    return [n.name for n in graph.node if n.op_type == "MatMul" and "qa_outputs" in n.name]
