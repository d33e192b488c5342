"""The site's writer (the edge): read each community's log, render its pages, write what changed,
and seal the folder with the community key.

One database builds a community site at the top of the folder; several build a district: an
index at the top and each community in ``c/<name>/``, each sealed with its own community key,
the whole sealed with the district's key (``--key``, made on first use beside the folder).

Incremental: ``build.json`` keeps, per community, the inputs its pages were made from (the
log's size and newest hash, the templates and this code) and the SHA-256 of every page; an
unchanged community is not read again, and a page is rewritten only when its bytes change.
Deterministic: the pages hold no build time, and everything is written in a fixed order, so
the same logs give the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from deliberate.ledger import manifest as manifest_format
from deliberate.errors import BadInput

STATE_FILE = "build.json"
SEAL_FILES = (manifest_format.FILE_NAME, manifest_format.CHECKPOINT_FILE)
STATE_VERSION = 1
DISTRICT_ORIGIN = "deliberate/district"


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write(path: Path, data: bytes, fresh: bool = False) -> None:
    """Write `data` to `path`: a page being replaced through a temporary file and a rename (a
    reader never sees half a page); a `fresh` one (never recorded in build.json, so a page left
    half-written by a crash is never taken for an unchanged one) created directly when absent."""
    if fresh:
        try:
            with open(path, "xb") as handle:
                handle.write(data)
            return
        except FileExistsError:
            pass
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            return _write(path, data, fresh)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def slug(name: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", name).strip("-").lower() or "community"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


class Build:
    def __init__(self, out: Path):
        self.out = out
        self.written = 0
        self.unchanged = 0
        try:
            state = json.loads((out / STATE_FILE).read_text(encoding="utf-8"))
            self.previous = state if state.get("version") == STATE_VERSION else {}
        except (OSError, ValueError):
            self.previous = {}
        self.communities: dict[str, dict] = {}
        self.files: dict[str, str] = {}       # every file but the top manifest: path -> sha256
        self.present = _listed(out)           # the files there now: one walk, not a stat per page
        self.writer = None                    # the threads that write pages while the next are laid out
        self.pending: list = []               # their writes not yet waited for

    def put(self, rel: str, text: str | bytes, known: dict) -> str:
        data = text.encode("utf-8") if isinstance(text, str) else text
        digest = _sha(data)
        path = self.out / rel
        if known.get(rel) == digest and rel in self.present:
            self.unchanged += 1
        elif self.writer is not None:
            self.pending.append(self.writer.submit(_write, path, data, rel not in known))
            self.present.add(rel)
            self.written += 1
        else:
            _write(path, data, fresh=rel not in known)
            self.present.add(rel)
            self.written += 1
        self.files[rel] = digest
        return digest

    def remove_stale(self, old: dict, new: dict) -> None:
        for rel in sorted(set(old) - set(new)):
            try:
                (self.out / rel).unlink()
            except FileNotFoundError:
                pass
            self.present.discard(rel)


def _receipt_proofs(store, record) -> dict:
    """Each receipt's inclusion proof in the latest checkpoint, for the receipt box to check."""
    from deliberate.ledger import tree_store
    from deliberate.record import record_bytes

    checkpoint = record.latest_checkpoint
    if not record.receipts or not checkpoint:
        return {}
    size = int(checkpoint["size"])
    proofs = {}
    for item in record.receipts:
        if item["seq"] > size:
            continue
        row = store.conn.execute("SELECT seq, type, at, payload, prev_hash FROM events WHERE seq = ?",
                                 (item["seq"],)).fetchone()
        path = tree_store.inclusion_proof_at(store.conn, item["seq"] - 1, size)
        proofs[item["receipt"].lower()] = {"event": item["seq"], "leaf_index": item["seq"] - 1, "tree_size": size,
                                           "record": record_bytes(*row).decode("utf-8"),
                                           "proof": [h.hex() for h in path]}
    return proofs


def build(dbs: list[Path], out: Path, *, base_url: str = "", key_path: Path | None = None, progress=None) -> dict:
    """Build (or bring up to date) the site of `dbs` in `out`; seal it. Returns what was done."""
    from deliberate.ledger import keys
    from deliberate.site import pages
    from deliberate.store import Store

    if not dbs:
        raise BadInput("site.no_databases")
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise BadInput("site.not_a_folder", path=str(out))
    out.mkdir(parents=True, exist_ok=True)
    resolved_out = out.resolve()
    for db in dbs:
        if resolved_out in Path(db).resolve().parents:
            raise BadInput("site.out_holds_db", path=str(out))
    run = Build(out)
    _cache_templates(pages)
    templates = pages.templates_digest(b"".join(Path(module).read_bytes()
                                                for module in (*pages.CODE_MODULES, __file__)))
    district = len(dbs) > 1
    previous = run.previous.get("communities", {})
    taken: set[str] = set()
    summaries, single = [], None
    # Creating a file costs the system about as much as laying its page out: one community's
    # pages are written by two threads while the next community's are laid out, and each
    # community is sealed once its writes are done (two communities in flight at most).
    pipeline: list = []    # (writes, finish) of communities whose pages are being written

    def drain(keep: int) -> None:
        while len(pipeline) > keep:
            writes, finish = pipeline.pop(0)
            for write in writes:
                write.result()
            finish()

    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="site-writer") as pool:
        run.writer = pool
        try:
            for done, db in enumerate(dbs):
                db = Path(db)
                folder = f"c/{slug(db.stem, taken)}/" if district else ""
                store = Store.open(db)
                try:
                    if not district:
                        single = _sealing(store, db)
                    summaries.append(_community(run, store, db, folder, previous.get(folder, {}), templates,
                                                base_url, district, pipeline))
                finally:
                    store.close()
                drain(1)
                if progress:
                    progress(done + 1, len(dbs))
            drain(0)
        finally:
            run.writer = None
            for writes, _ in pipeline:     # after an error: no write left running
                for write in writes:
                    write.cancel()
    top_before = run.previous.get("files", {})
    top: dict[str, str] = {}
    for name, text in sorted(pages.static_files().items()):
        run.put(name, text, top_before)
        top[name] = run.files[name]
    if district:
        for rel, text in sorted(pages.district_pages(summaries).items()):
            run.put(rel, text, top_before)
            top[rel] = run.files[rel]
    run.remove_stale(top_before, top)
    for folder in sorted(set(previous) - set(run.communities)):   # a community no longer published
        run.remove_stale(previous[folder].get("files", {}), {})
    state = {"version": STATE_VERSION, "communities": dict(sorted(run.communities.items())), "files": top}
    state_path = out / STATE_FILE
    old_state = {STATE_FILE: _sha(state_path.read_bytes())} if state_path.is_file() else {}
    # One line (json's C encoder; an indented dump of 14,000 hashes takes its pure-Python one).
    run.put(STATE_FILE, json.dumps(state, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n",
            old_state)
    if district:
        key_path = Path(key_path) if key_path else out.with_name(out.name + ".key")
        key = keys.read_key(key_path) if key_path.exists() else keys.write_new_key(key_path)
        origin, note_text, private = DISTRICT_ORIGIN, None, list(dbs)
        secrets = [key_path, *(keys.key_path(db) for db in dbs)]
    else:
        key, origin, note_text, db = single
        private, secrets = [db], [keys.key_path(db)]
    fingerprint = _seal(out, key, origin, note_text, private, secrets, known=run.files, listed=run.present)
    return {"path": str(out), "communities": len(dbs), "written": run.written, "unchanged": run.unchanged,
            "files": len(run.files), "fingerprint": fingerprint}


def _cache_templates(pages) -> None:
    """Keep the compiled templates in jinja2's per-user cache folder (in the system's temporary
    folder, made private to the user); without one, each build parses every template again."""
    import jinja2

    class Cache(jinja2.FileSystemBytecodeCache):   # a cache that cannot be read or written is no cache
        def load_bytecode(self, bucket):
            try:
                super().load_bytecode(bucket)
            except (OSError, ValueError, EOFError):
                pass

        def dump_bytecode(self, bucket):
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

    if not pages._bytecode_cache:
        try:
            pages.use_bytecode_cache(Cache())
        except (RuntimeError, OSError):   # no private temporary folder: compile in memory, as before
            pass


def _community(run: Build, store, db: Path, folder: str, before: dict, templates: str, base_url: str,
               district: bool, pipeline: list) -> dict:
    """One community: its pages laid out (only those whose key changed) and handed to the writer;
    its seal and the removal of pages it no longer has wait in `pipeline` for the writes.
    Returns its summary for the district index."""
    from deliberate.ledger import keys
    from deliberate.minutes.model import community_record
    from deliberate.site import pages

    out = run.out
    last = store.last()
    inputs = _sha(json.dumps([templates, base_url, folder, district, last and list(last)]).encode())
    inputs_kept = _sha(json.dumps([templates, base_url, folder, district]).encode())   # what page keys assume
    if before.get("inputs") == inputs and run.present.issuperset(before.get("files", {})):
        run.communities[folder] = before
        run.files.update(before["files"])
        run.unchanged += len(before["files"])
        return before["summary"]
    record = community_record(store.read())
    root = "../../" if district else ""
    known = before.get("files", {})
    kept = {rel: key for rel, key in before.get("keys", {}).items()
            if before.get("inputs_kept") == inputs_kept and folder + rel in known and folder + rel in run.present}
    page_keys: dict[str, str] = {}
    made = pages.community_pages(record, root=root, district=district, base_url=base_url, prefix=folder,
                                 receipts=_receipt_proofs(store, record), previous=kept, keys=page_keys)
    mine = {folder + rel: run.put(folder + rel, made[rel], known) for rel in sorted(made)}
    for rel in sorted(set(page_keys) - set(made)):    # the same key: the page it made is kept
        mine[folder + rel] = run.files[folder + rel] = known[folder + rel]
        run.unchanged += 1
    sealing = _sealing(store, db) if district else None
    summary = pages.summary(record, folder)
    entry = {"inputs": inputs, "inputs_kept": inputs_kept, "files": {}, "keys": dict(sorted(page_keys.items())),
             "summary": summary}
    run.communities[folder] = entry

    def finish() -> None:
        if sealing is not None:   # each community's folder is sealed with its own key
            key, origin, note_text, _ = sealing
            _seal(out / folder, key, origin, note_text, [db], [keys.key_path(db)],
                  known={rel[len(folder):]: digest for rel, digest in mine.items()}, durable=False)
            for name in SEAL_FILES:
                if (out / folder / name).is_file():
                    mine[folder + name] = run.files[folder + name] = _sha((out / folder / name).read_bytes())
                    run.present.add(folder + name)
        run.remove_stale(known, mine)
        entry["files"] = dict(sorted(mine.items()))

    writes, run.pending = run.pending, []
    pipeline.append((writes, finish))
    return summary


def _sealing(store, db: Path) -> tuple:
    """What sealing a community's pages takes: its key, origin and latest checkpoint note."""
    from deliberate.ledger import checkpoint as cp

    latest = cp.latest(store)
    return (cp.signing_key(store, db), cp.origin_for(cp.community(store)[0] or ""),
            latest[1]["note"] if latest else None, db)


def _seal(directory: Path, key, origin: str, note_text, private, secrets, known: dict | None = None,
          durable: bool = True, listed: set | None = None) -> str:
    """Seal `directory` (deliberate.ledger.seal). When every file there is one the build knows the
    hash of (it wrote those bytes, or found them unchanged since it wrote them), the manifest is
    made from those hashes without reading 10,000 pages again; anything else there (a file the
    build did not write) and the directory is sealed the careful way, reading every file.
    A community's seal inside a district is not flushed to disk on its own (`durable`): the
    district's seal over it is, once, at the end. `listed`: what the build knows is there (it
    walked the folder once, and counted what it wrote and removed since)."""
    from deliberate.ledger import keys, note
    from deliberate.ledger import seal as sealing

    if known is not None and (_listed(directory) if listed is None else listed) == set(known):
        def put(name: str, text: str) -> None:
            if durable:
                sealing._write_atomic(directory, name, text)
            else:
                _write(directory / name, text.encode("utf-8"))

        checkpoint = None
        if note_text is not None:
            body = note.read_checkpoint(note_text)[1]
            checkpoint = (body.size, body.root)
            put(manifest_format.CHECKPOINT_FILE, note_text)
        files = dict(known)
        if note_text is not None:
            files[manifest_format.CHECKPOINT_FILE] = _sha(note_text.encode("utf-8"))
        public = keys.public_bytes(key)
        sealed = manifest_format.Manifest(origin, keys.fingerprint(public), public, checkpoint, files)
        put(manifest_format.FILE_NAME, manifest_format.sign(sealed, key))
        return sealed.fingerprint
    sealing.seal_directory(directory, key, origin, note_text, private=private, secrets=secrets)
    return keys.fingerprint(keys.public_bytes(key))


def _listed(directory: Path) -> set[str]:
    """Every file under `directory` but the top manifest and checkpoint (names only, nothing read)."""
    found = set()
    for base, dirs, files in os.walk(directory):
        dirs.sort()
        rel_base = os.path.relpath(base, directory)
        for name in files:
            rel = name if rel_base == "." else f"{rel_base}/{name}".replace(os.sep, "/")
            found.add(rel)
    found -= {manifest_format.FILE_NAME, manifest_format.CHECKPOINT_FILE,
              manifest_format.FILE_NAME + ".tmp", manifest_format.CHECKPOINT_FILE + ".tmp"}
    return found
