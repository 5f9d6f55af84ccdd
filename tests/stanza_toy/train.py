"""Train a tiny but real stanza model set (tokenize, pos, lemma, depparse, ner) offline.

The models are trained on the committed toy treebank in this folder with stanza's own
training entry points (``python -m stanza.models.tokenizer`` ...), so the tests run the
real ``stanza.Pipeline`` on raw text without any download. The models only fit the toy
templates: they are test fixtures, not usable English models.

Usage: ``python tests/stanza_toy/train.py OUT_DIR [--steps 150]``. The result is
``OUT_DIR/manifest.json`` naming the model files (relative to OUT_DIR), a
``resources.json`` holding ``{}`` (stanza insists on one even with explicit model
paths) and the training time. Training runs in two parallel lanes of subprocesses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from pathlib import Path

HERE = Path(__file__).resolve().parent
TRAIN, DEV = "en_toy.train", "en_toy.dev"
MANIFEST = "manifest.json"
DEFAULT_STEPS = 150
INPUTS = (
    "en_toy.train.conllu", "en_toy.train.txt", "en_toy.train.ner.json",
    "en_toy.dev.conllu", "en_toy.dev.txt", "en_toy.dev.ner.json", "train.py",
)

#: Pipeline keyword -> file name inside the output folder.
MODEL_FILES = {
    "tokenize_model_path": "en_toy_tokenizer.pt",
    "pos_model_path": "en_toy_tagger.pt",
    "pos_pretrain_path": "en_toy.pretrain.pt",
    "lemma_model_path": "en_toy_lemmatizer.pt",
    "depparse_model_path": "en_toy_parser.pt",
    "depparse_pretrain_path": "en_toy.pretrain.pt",
    "ner_model_path": "en_toy_nertagger.pt",
    "ner_pretrain_path": "en_toy.pretrain.pt",
}


def cache_key(steps: int = DEFAULT_STEPS) -> str:
    """Changes whenever the treebank, this script, the step count or stanza changes."""
    digest = hashlib.sha256(f"stanza {version('stanza')} steps {steps}".encode())
    for name in INPUTS:
        digest.update((HERE / name).read_bytes())
    return digest.hexdigest()[:16]


def load_manifest(folder: Path, key: str | None = None) -> dict[str, object] | None:
    """The manifest of a finished training run in ``folder`` (with absolute paths), or None.

    With ``key``, a manifest made from other inputs counts as missing.
    """
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if key is not None and manifest.get("key") != key:
        return None
    paths = {kw: str(folder / name) for kw, name in manifest["model_paths"].items()}
    if not all(Path(p).is_file() for p in paths.values()):
        return None
    return {**manifest, "model_paths": paths, "resources_dir": str(folder)}


def _sentences(conllu: Path) -> list[list[str]]:
    sentences: list[list[str]] = []
    current: list[str] = []
    for line in conllu.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
        elif not line.startswith("#"):
            current.append(line.split("\t")[1])
    if current:
        sentences.append(current)
    return sentences


def make_vectors(data: Path, out: Path, dim: int = 32) -> None:
    """Word vectors (word2vec text format) from the treebank by PPMI + SVD."""
    import numpy as np

    sents = _sentences(data / f"{TRAIN}.conllu") + _sentences(data / f"{DEV}.conllu")
    vocab = sorted({w for s in sents for w in s} | {w.lower() for s in sents for w in s})
    index = {w: i for i, w in enumerate(vocab)}
    counts: Counter[tuple[int, int]] = Counter()
    for sent in sents:
        for i, word in enumerate(sent):
            for j in range(max(0, i - 2), min(len(sent), i + 3)):
                if i != j:
                    for form in {word, word.lower()}:
                        counts[index[form], index[sent[j].lower()]] += 1
    matrix = np.zeros((len(vocab), len(vocab)))
    for (i, j), count in counts.items():
        matrix[i, j] = count
    total = matrix.sum()
    row = matrix.sum(1, keepdims=True) / total
    col = matrix.sum(0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log((matrix / total) / (row * col))
    pmi[~np.isfinite(pmi)] = 0
    u, s, _ = np.linalg.svd(np.maximum(pmi, 0), full_matrices=False)
    vectors = u[:, :dim] * np.sqrt(s[:dim])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    with out.open("w", encoding="utf-8") as handle:
        handle.write(f"{len(vocab)} {dim}\n")
        for word in vocab:
            handle.write(word + " " + " ".join(f"{x:.5f}" for x in vectors[index[word]]) + "\n")


def _run(python: str, args: Sequence[str], log: Path, cwd: Path) -> None:
    """Run ``python -m ARGS`` quietly; on failure raise with the end of its log."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
    with log.open("w", encoding="utf-8") as handle:
        done = subprocess.run(
            [python, "-m", *args], cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, env=env,
            check=False,
        )
    if done.returncode:
        tail = "\n".join(log.read_text(encoding="utf-8").splitlines()[-30:])
        raise RuntimeError(f"{args[0]} failed (exit {done.returncode}); end of {log}:\n{tail}")


def _commands(d: Path, m: Path, steps: int) -> dict[str, list[str]]:
    """Training command per processor (data folder ``d``, model folder ``m``)."""
    pretrain = str(m / "en_toy.pretrain.pt")
    common = ["--shorthand", "en_toy", "--save_dir", str(m)]
    conllu = ["--train_file", f"{d}/{TRAIN}.conllu", "--eval_file", f"{d}/{DEV}.conllu"]
    small = ["--hidden_dim", "32", "--char_hidden_dim", "32", "--deep_biaff_hidden_dim", "32",
             "--word_emb_dim", "16", "--char_emb_dim", "16", "--tag_emb_dim", "8",
             "--transformed_dim", "16", "--num_layers", "1"]
    every = str(max(1, steps // 2))
    pos_steps = steps * 5 // 3  # the tagger learns slowest; it has a lane of its own
    return {
        "tokenize": [
            "stanza.models.tokenizer", "--mode", "train", "--lang", "en", *common,
            "--txt_file", f"{d}/{TRAIN}.txt", "--label_file", f"{d}/train.toklabels",
            "--mwt_json_file", f"{d}/train-mwt.json", "--dev_txt_file", f"{d}/{DEV}.txt",
            "--dev_label_file", f"{d}/dev.toklabels", "--dev_conll_gold", f"{d}/{DEV}.conllu",
            "--conll_file", f"{d}/tok_dev_pred.conllu", "--no_use_mwt", "--emb_dim", "16",
            "--hidden_dim", "32", "--steps", str(steps * 2), "--eval_steps", str(steps),
            "--batch_size", "16", "--max_seqlen", "200", "--save_name", MODEL_FILES[
                "tokenize_model_path"],
        ],
        "pos": [
            "stanza.models.tagger", "--mode", "train", "--lang", "en", *common, *conllu,
            "--output_file", f"{d}/pos_dev_pred.conllu", "--wordvec_pretrain_file", pretrain,
            *small, "--composite_deep_biaff_hidden_dim", "16", "--max_steps", str(pos_steps),
            "--eval_interval", str(pos_steps // 2), "--fix_eval_interval", "--batch_size", "200",
            "--save_name", MODEL_FILES["pos_model_path"],
        ],
        "lemma": [
            "stanza.models.lemmatizer", "--mode", "train", *common, *conllu,
            "--output_file", f"{d}/lemma_dev_pred.conllu", "--hidden_dim", "32",
            "--emb_dim", "16", "--pos_dim", "16", "--num_epoch", "3", "--batch_size", "32",
            "--save_name", MODEL_FILES["lemma_model_path"],
        ],
        "depparse": [
            "stanza.models.parser", "--mode", "train", "--lang", "en", *common, *conllu,
            "--output_file", f"{d}/dep_dev_pred.conllu", "--wordvec_pretrain_file", pretrain,
            *small, "--deep_biaff_output_dim", "16", "--max_steps", str(steps),
            "--eval_interval", every, "--batch_size", "1000", "--no_checkpoint",
            "--save_name", MODEL_FILES["depparse_model_path"],
        ],
        "ner": [
            "stanza.models.ner_tagger", "--mode", "train", *common,
            "--train_file", f"{d}/{TRAIN}.ner.json", "--eval_file", f"{d}/{DEV}.ner.json",
            "--wordvec_pretrain_file", pretrain, "--hidden_dim", "32",
            "--char_hidden_dim", "16", "--word_emb_dim", "32", "--char_emb_dim", "16",
            "--max_steps", str(steps), "--eval_interval", every, "--batch_size", "16",
            "--save_name", MODEL_FILES["ner_model_path"],
        ],
    }


def _prepare(python: str, data: Path, models: Path, logs: Path) -> None:
    for name in INPUTS[:-1]:
        shutil.copy(HERE / name, data / name)
    make_vectors(data, data / "vectors.txt")
    _run(python, ["stanza.models.common.convert_pretrain", str(models / "en_toy.pretrain.pt"),
                  str(data / "vectors.txt"), "-1"], logs / "pretrain.txt", data)


def _token_labels(d: Path, split: str, prefix: str) -> list[str]:
    return ["stanza.utils.datasets.prepare_tokenizer_data", f"{d}/{prefix}.txt",
            f"{d}/{prefix}.conllu", "-o", f"{d}/{split}.toklabels", "-m", f"{d}/{split}-mwt.json"]


def _train_all(python: str, data: Path, models: Path, logs: Path, steps: int) -> None:
    _prepare(python, data, models, logs)
    commands = _commands(data, models, steps)
    commands["toklabels-train"] = _token_labels(data, "train", TRAIN)
    commands["toklabels-dev"] = _token_labels(data, "dev", DEV)
    lanes = (["pos"], ["depparse", "toklabels-train", "toklabels-dev", "tokenize", "ner", "lemma"])

    def run_lane(names: list[str]) -> None:
        for name in names:
            _run(python, commands[name], logs / f"{name}.txt", data)

    with ThreadPoolExecutor(max_workers=len(lanes)) as pool:
        for future in [pool.submit(run_lane, lane) for lane in lanes]:
            future.result()


def train(out: Path, *, steps: int = DEFAULT_STEPS, python: str = sys.executable) -> dict:
    """Train the toy model set into ``out`` (replaced when complete); returns its manifest."""
    started = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".stanza-toy-", dir=out.parent))
    data, logs = work / "data", work / "logs"
    data.mkdir()
    logs.mkdir()
    try:
        _train_all(python, data, work, logs, steps)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    (work / "resources.json").write_text("{}\n", encoding="utf-8")
    manifest = {
        "key": cache_key(steps),
        "steps": steps,
        "stanza": version("stanza"),
        "seconds": round(time.monotonic() - started, 1),
        "model_paths": MODEL_FILES,
    }
    (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    work.rename(out)
    loaded = load_manifest(out)
    if loaded is None:
        raise RuntimeError(f"training finished but {out} has no complete model set")
    return loaded


def install_as_resources(manifest: dict, folder: Path, package: str = "toy") -> Path:
    """Lay the model set out the way ``stanza.download`` does (``en/pos/toy.pt`` ... plus
    a resources.json whose ``default`` package names them), so that code which finds
    models through a stanza resources folder (``STANZA_RESOURCES_DIR``) can use it."""
    paths = manifest["model_paths"]
    files = {proc: paths[f"{proc}_model_path"]
             for proc in ("tokenize", "pos", "lemma", "depparse", "ner")}
    files["pretrain"] = paths["pos_pretrain_path"]
    needs_pretrain = [{"model": "pretrain", "package": package}]
    lang: dict[str, object] = {"lang_name": "English"}
    for proc, source in files.items():
        target = folder / "en" / proc / f"{package}.pt"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, target)
        entry: dict[str, object] = {"md5": hashlib.md5(target.read_bytes()).hexdigest()}
        if proc in ("pos", "depparse", "ner"):
            entry["dependencies"] = needs_pretrain
        lang[proc] = {package: entry}
    processors = {proc: package for proc in files if proc != "pretrain"}
    lang["default_processors"] = processors
    lang["packages"] = {"default": processors}
    (folder / "resources.json").write_text(json.dumps({"en": lang}, indent=1), encoding="utf-8")
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="folder to write the model set into")
    parser.add_argument("--steps", type=int, default=DEFAULT_STEPS)
    args = parser.parse_args()
    manifest = train(args.out, steps=args.steps)
    sys.stdout.write(json.dumps(manifest, indent=2) + "\n")


if __name__ == "__main__":
    main()
