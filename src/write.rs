//! Stage 5: write. The site is built into a staging folder beside the output and swapped
//! in only when everything succeeded, so a failed build never leaves a half-written site
//! and never touches the last good one. Every path is checked to stay inside the folder.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::model::paths::safe_segment;

/// A staging folder that becomes the output on `commit`, and disappears otherwise.
pub struct Staging {
    dir: Option<tempfile::TempDir>,
    target: PathBuf,
    /// Folders already made: most files go into a folder that exists, and asking the
    /// system again costs two calls (a failing mkdir and a stat) per file.
    made: std::sync::Mutex<rustc_hash::FxHashSet<PathBuf>>,
    /// Where the pieces of files written piece by piece lie (`Sink::piece`).
    layouts: std::sync::Arc<std::sync::Mutex<Vec<Layout>>>,
}

/// Where each piece of a file written piece by piece (`Sink::piece`) lies, by the key
/// the writer gave it: the preview writes such a file again with only some pieces
/// replaced, copying the rest from the last build (`export::rewrite`).
#[derive(Debug, Clone)]
pub struct Layout {
    /// The file, relative to the output.
    pub rel: String,
    /// (key, byte range), in file order.
    pub pieces: Vec<(usize, std::ops::Range<u64>)>,
}

#[derive(Debug)]
pub struct WriteError(pub String);

impl From<WriteError> for String {
    fn from(e: WriteError) -> String {
        e.0
    }
}

/// An output file being written piece by piece (`Staging::create`).
pub struct Sink {
    w: std::io::BufWriter<std::fs::File>,
    path: PathBuf,
    rel: String,
    /// Bytes written so far.
    pos: u64,
    pieces: Vec<(usize, std::ops::Range<u64>)>,
    layouts: std::sync::Arc<std::sync::Mutex<Vec<Layout>>>,
}

impl Sink {
    pub fn put(&mut self, bytes: &[u8]) -> Result<(), WriteError> {
        self.pos += bytes.len() as u64;
        self.w
            .write_all(bytes)
            .map_err(|e| WriteError(format!("не удалось записать {}: {e}", self.path.display())))
    }

    /// `put`, remembering where these bytes lie under `key` (see [`Layout`]).
    pub fn piece(&mut self, key: usize, bytes: &[u8]) -> Result<(), WriteError> {
        let start = self.pos;
        self.put(bytes)?;
        self.pieces.push((key, start..self.pos));
        Ok(())
    }

    /// Copy the bytes `range` of the file `from` (by the kernel, without reading them).
    pub fn put_from(
        &mut self,
        from: &std::fs::File,
        range: std::ops::Range<u64>,
    ) -> Result<(), WriteError> {
        use std::io::{Read, Seek};
        let failed = |e: std::io::Error| {
            WriteError(format!("не удалось записать {}: {e}", self.path.display()))
        };
        if range.is_empty() {
            return Ok(());
        }
        self.w.flush().map_err(failed)?;
        let mut from = from;
        from.seek(std::io::SeekFrom::Start(range.start))
            .map_err(failed)?;
        let len = range.end - range.start;
        let copied = std::io::copy(&mut from.take(len), self.w.get_mut()).map_err(failed)?;
        if copied != len {
            return Err(failed(std::io::ErrorKind::UnexpectedEof.into()));
        }
        self.pos += len;
        Ok(())
    }

    /// Bytes written so far.
    pub fn position(&self) -> u64 {
        self.pos
    }

    /// Give the file this layout instead of the pieces `piece` recorded (a file made by
    /// copying pieces from another knows where they went).
    pub fn set_layout(&mut self, pieces: Vec<(usize, std::ops::Range<u64>)>) {
        self.pieces = pieces;
    }

    /// Flush the file; until then a write error may not have been seen.
    pub fn finish(mut self) -> Result<(), WriteError> {
        self.w
            .flush()
            .map_err(|e| WriteError(format!("не удалось записать {}: {e}", self.path.display())))?;
        if !self.pieces.is_empty() {
            self.layouts.lock().expect("layouts lock").push(Layout {
                rel: std::mem::take(&mut self.rel),
                pieces: std::mem::take(&mut self.pieces),
            });
        }
        Ok(())
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Staging {
    /// Prepare a staging folder for `target`. Refuses targets that would destroy the site
    /// itself (the root, or a folder holding content/ or config.toml).
    pub fn new(target: &Path, root: &Path) -> Result<Staging, WriteError> {
        let target = absolute(target);
        let root_abs = absolute(root);
        if root_abs.starts_with(&target)
            || target.join("config.toml").exists()
            || target.join("content").is_dir()
        {
            return Err(WriteError(format!(
                "папка вывода {} содержит сам сайт; выберите другую (например, public)",
                target.display()
            )));
        }
        // A folder may be replaced when it is empty, carries our marker, or looks like a
        // generated site (an older socnav's or Zola's output: 404.html and sitemap.xml).
        let generated = target.join(MARKER).exists()
            || (target.join("404.html").is_file() && target.join("sitemap.xml").is_file());
        let foreign = target.is_dir()
            && !generated
            && std::fs::read_dir(&target)
                .map(|mut d| d.next().is_some())
                .unwrap_or(true);
        if foreign {
            return Err(WriteError(format!(
                "папка вывода {} не пуста и не похожа на прежний вывод socnav: сборка заменила бы её целиком; \
                 выберите пустую или новую папку",
                target.display()
            )));
        }
        let parent = target
            .parent()
            .ok_or_else(|| WriteError("у папки вывода нет родительской папки".into()))?;
        std::fs::create_dir_all(parent)
            .map_err(|e| WriteError(format!("не удалось создать {}: {e}", parent.display())))?;
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(&format!(".{name}.socnav-build-"))
            .tempdir_in(parent)
            .map_err(|e| WriteError(format!("не удалось создать временную папку: {e}")))?;
        std::fs::write(dir.path().join(MARKER), b"socnav\n")
            .map_err(|e| WriteError(format!("не удалось создать временную папку: {e}")))?;
        Ok(Staging {
            dir: Some(dir),
            target,
            made: Default::default(),
            layouts: Default::default(),
        })
    }

    /// A staging folder for a few files that replace or join those of the existing output
    /// `target` on `commit_patch` (the preview server's quick rebuilds).
    pub fn patch(target: &Path) -> Result<Staging, WriteError> {
        let target = absolute(target);
        if !target.join(MARKER).exists() {
            return Err(WriteError(format!(
                "{} не похоже на вывод socnav",
                target.display()
            )));
        }
        let parent = target
            .parent()
            .ok_or_else(|| WriteError("у папки вывода нет родительской папки".into()))?;
        let dir = tempfile::Builder::new()
            .prefix(".socnav-patch-")
            .tempdir_in(parent)
            .map_err(|e| WriteError(format!("не удалось создать временную папку: {e}")))?;
        Ok(Staging {
            dir: Some(dir),
            target,
            made: Default::default(),
            layouts: Default::default(),
        })
    }

    /// Move every staged file into the output, each replacing its namesake in one step,
    /// then remove the output paths `remove` (files or folders, relative to the output).
    /// Returns how many files were moved.
    ///
    /// Files replaced or removed are freed on another thread: freeing a large file
    /// (open data runs to hundreds of megabytes) takes longer than all the renames.
    pub fn commit_patch(mut self, remove: &[String]) -> Result<usize, WriteError> {
        let dir = self.dir.take().expect("staging dir present");
        let parent = dir
            .path()
            .parent()
            .expect("staging has a parent")
            .to_path_buf();
        let replaced = tempfile::Builder::new()
            .prefix(".socnav-replaced-")
            .tempdir_in(&parent)
            .map_err(|e| WriteError(format!("не удалось создать временную папку: {e}")))?;
        // A file about to be replaced gets a second name under `replaced` (the output
        // keeps its own until the new file takes it); a path to remove moves there.
        let mut n = 0;
        let mut aside = |path: &Path, link: bool| -> bool {
            n += 1;
            let to = replaced.path().join(n.to_string());
            if link {
                std::fs::hard_link(path, to).is_ok()
            } else {
                std::fs::rename(path, to).is_ok()
            }
        };
        let mut moved = 0;
        let mut stack = vec![dir.path().to_path_buf()];
        while let Some(d) = stack.pop() {
            let entries = std::fs::read_dir(&d)
                .map_err(|e| WriteError(format!("не удалось прочитать {}: {e}", d.display())))?;
            for entry in entries {
                let entry = entry.map_err(|e| WriteError(e.to_string()))?;
                let from = entry.path();
                if entry.file_type().map(|t| t.is_dir()).unwrap_or(false) {
                    stack.push(from);
                    continue;
                }
                let rel = from
                    .strip_prefix(dir.path())
                    .expect("inside the staging folder");
                let to = self.target.join(rel);
                if let Some(parent) = to.parent() {
                    std::fs::create_dir_all(parent).map_err(|e| {
                        WriteError(format!("не удалось создать {}: {e}", parent.display()))
                    })?;
                }
                if to.is_file() {
                    aside(&to, true);
                }
                std::fs::rename(&from, &to).map_err(|e| {
                    WriteError(format!("не удалось записать {}: {e}", to.display()))
                })?;
                moved += 1;
            }
        }
        for rel in remove {
            let path = self.in_target(rel)?;
            if aside(&path, false) {
                continue;
            }
            let gone = if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            if let Err(e) = gone {
                if e.kind() != std::io::ErrorKind::NotFound {
                    return Err(WriteError(format!(
                        "не удалось удалить {}: {e}",
                        path.display()
                    )));
                }
            }
        }
        std::thread::spawn(move || drop((dir, replaced)));
        Ok(moved)
    }

    /// Rename a file or folder of the output itself (before `commit_patch`): a search index
    /// whose folder name changed keeps the files that did not.
    pub fn rename_in_target(&self, from: &str, to: &str) -> Result<(), WriteError> {
        let (from, to) = (self.in_target(from)?, self.in_target(to)?);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| WriteError(format!("не удалось создать {}: {e}", parent.display())))?;
        }
        std::fs::rename(&from, &to)
            .map_err(|e| WriteError(format!("не удалось переименовать {}: {e}", from.display())))
    }

    /// A path inside the output (not the staging folder), checked like `resolve`.
    fn in_target(&self, rel: &str) -> Result<PathBuf, WriteError> {
        let rel = rel.trim_end_matches('/');
        if rel.is_empty() || !rel.split('/').all(safe_segment) {
            return Err(WriteError(format!("недопустимый путь в выводе: «{rel}»")));
        }
        Ok(self.target.join(rel))
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .expect("staging dir present until commit")
            .path()
    }

    /// Write a file at a `/`-separated path relative to the output root.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let path = self.resolve(rel)?;
        self.make_parent(&path)?;
        create_new(&path)?
            .write_all(bytes)
            .map_err(|e| WriteError(format!("не удалось записать {}: {e}", path.display())))
    }

    /// Open a new file for writing piece by piece: large outputs (open-data tables and
    /// catalogues) are written as they are made, never held whole in memory.
    pub fn create(&self, rel: &str) -> Result<Sink, WriteError> {
        let path = self.resolve(rel)?;
        self.make_parent(&path)?;
        Ok(Sink {
            w: std::io::BufWriter::with_capacity(1 << 17, create_new(&path)?),
            path,
            rel: rel.to_string(),
            pos: 0,
            pieces: Vec::new(),
            layouts: self.layouts.clone(),
        })
    }

    /// The layouts of the files written piece by piece so far (see [`Layout`]).
    pub fn take_layouts(&self) -> Vec<Layout> {
        std::mem::take(&mut *self.layouts.lock().expect("layouts lock"))
    }

    pub fn copy(&self, from: &Path, rel: &str) -> Result<(), WriteError> {
        let path = self.resolve(rel)?;
        self.make_parent(&path)?;
        let mut src = std::fs::File::open(from)
            .map_err(|e| WriteError(format!("не удалось прочитать {}: {e}", from.display())))?;
        std::io::copy(&mut src, &mut create_new(&path)?)
            .map(|_| ())
            .map_err(|e| WriteError(format!("не удалось скопировать {}: {e}", from.display())))
    }

    /// Make the folder `path` goes in, unless this staging folder has made it already.
    fn make_parent(&self, path: &Path) -> Result<(), WriteError> {
        let Some(parent) = path.parent() else {
            return Ok(());
        };
        if self.made.lock().expect("folder set lock").contains(parent) {
            return Ok(());
        }
        std::fs::create_dir_all(parent)
            .map_err(|e| WriteError(format!("не удалось создать {}: {e}", parent.display())))?;
        self.made
            .lock()
            .expect("folder set lock")
            .insert(parent.to_path_buf());
        Ok(())
    }

    /// A path inside the staging folder; anything that could escape it is refused.
    pub fn resolve(&self, rel: &str) -> Result<PathBuf, WriteError> {
        let segments: Vec<&str> = rel.split('/').collect();
        if rel.is_empty() || !segments.iter().all(|s| safe_segment(s)) {
            return Err(WriteError(format!("недопустимый путь в выводе: «{rel}»")));
        }
        let path = self.path().join(rel);
        debug_assert!(path
            .components()
            .all(|c| !matches!(c, Component::ParentDir)));
        Ok(path)
    }

    /// Replace the target with the staged site. The previous output is removed by
    /// `dispose` once the new one is in place (see [`Disposal`]).
    pub fn commit(mut self, dispose: Disposal) -> Result<(), WriteError> {
        let dir = self.dir.take().expect("staging dir present").keep();
        let old = if self.target.exists() {
            let parent = self.target.parent().unwrap_or(Path::new("."));
            let old = tempfile::Builder::new()
                .prefix(OLD_PREFIX)
                .tempdir_in(parent)
                .map_err(|e| WriteError(format!("не удалось подготовить замену: {e}")))?
                .keep();
            let old_site = old.join("site");
            std::fs::rename(&self.target, &old_site).map_err(|e| {
                WriteError(format!(
                    "не удалось убрать старый вывод {}: {e}",
                    self.target.display()
                ))
            })?;
            Some(old)
        } else {
            None
        };
        if let Err(e) = std::fs::rename(&dir, &self.target) {
            // Put the last good site back.
            if let Some(old) = &old {
                let _ = std::fs::rename(old.join("site"), &self.target);
            }
            let _ = std::fs::remove_dir_all(&dir);
            return Err(WriteError(format!(
                "не удалось записать вывод {}: {e}",
                self.target.display()
            )));
        }
        if let Some(old) = old {
            dispose.remove(old);
        }
        Ok(())
    }
}

/// Folders of replaced outputs are named with this prefix; only such folders are ever
/// removed in the background.
pub const OLD_PREFIX: &str = ".socnav-old-";

/// How the previous output is removed after the swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Disposal {
    /// Remove it before returning.
    Inline,
    /// Hand it to a detached `socnav` process (the command line's choice): deleting tens of
    /// thousands of files can take seconds, and the new site is already in place.
    Background,
}

impl Disposal {
    fn remove(self, old: PathBuf) {
        if self == Disposal::Background {
            // At the lowest CPU priority (`nice`, where there is one): the unlinks are
            // kernel work that would otherwise compete with the next build (serve rebuilds
            // on every save) for the machine's cores.
            let spawn = |nice: bool| {
                let exe = std::env::current_exe()?;
                let mut cmd = if nice {
                    let mut c = std::process::Command::new("nice");
                    c.args(["-n", "19"]).arg(exe);
                    c
                } else {
                    std::process::Command::new(exe)
                };
                cmd.arg("remove-old-output")
                    .arg(&old)
                    .stdin(std::process::Stdio::null())
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
            };
            if spawn(true).or_else(|_| spawn(false)).is_ok() {
                return;
            }
        }
        let _ = std::fs::remove_dir_all(old);
    }
}

/// Remove a replaced output folder (the hidden `remove-old-output` command). Refuses
/// anything not named like one.
pub fn remove_old_output(dir: &Path) -> Result<(), String> {
    let named_so = dir
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(OLD_PREFIX));
    if !named_so || !dir.is_dir() {
        return Err(format!(
            "{} не похоже на папку старого вывода socnav",
            dir.display()
        ));
    }
    std::fs::remove_dir_all(dir).map_err(|e| format!("не удалось удалить {}: {e}", dir.display()))
}

fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Lexical normalisation (the folder may not exist yet).
    let mut out = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Open a new file; a second write to the same output path is an error, never a silent
/// overwrite (two sources claiming one file would otherwise replace each other).
fn create_new(path: &Path) -> Result<std::fs::File, WriteError> {
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                WriteError(format!(
                    "файл {} получился бы дважды: два источника претендуют на один адрес",
                    path.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default()
                ))
            } else {
                WriteError(format!("не удалось создать {}: {e}", path.display()))
            }
        })
}

/// Written into every output folder, so that a later build knows it may replace it.
pub const MARKER: &str = ".socnav-output";

/// A short content hash for asset file names (FNV-1a, 64 bit).
pub fn content_hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{:016x}", h)[..10].to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_escaping_paths() {
        let tmp = tempfile::tempdir().unwrap();
        let site = tmp.path().join("site");
        std::fs::create_dir_all(site.join("content")).unwrap();
        let s = Staging::new(&site.join("public"), &site).unwrap();
        assert!(s.resolve("../x").is_err());
        assert!(s.resolve("a/../../x").is_err());
        assert!(s.resolve("/etc/passwd").is_err());
        assert!(s.resolve("a/b/index.html").is_ok());
    }

    #[test]
    fn background_removal_only_touches_old_outputs() {
        let tmp = tempfile::tempdir().unwrap();
        let precious = tmp.path().join("public");
        std::fs::create_dir_all(&precious).unwrap();
        assert!(remove_old_output(&precious).is_err());
        assert!(precious.exists());
        let old = tmp.path().join(format!("{OLD_PREFIX}abc"));
        std::fs::create_dir_all(old.join("a/b")).unwrap();
        remove_old_output(&old).unwrap();
        assert!(!old.exists());
    }

    #[test]
    fn refuses_to_overwrite_the_site() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("content")).unwrap();
        assert!(Staging::new(tmp.path(), tmp.path()).is_err());
    }
}
