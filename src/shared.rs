//! Paths shared through git: a repository of curricula cloned into
//! `<config dir>/curricula/NAME/`, where `c` lists its `*.toml`, and
//! pulled again on `update`.
//!
//! Git runs through sync's hardened wrapper (no hooks, no `ext::`, no
//! fsmonitor, no `GIT_DIR` from the environment). A repository is looked
//! at before anything of it is offered: one that holds a symbolic link or a
//! submodule is refused (a link could point outside the config dir), and
//! every `*.toml` in it must validate. An update is checked the same way
//! on the fetched commit, and only then checked out: a bad update leaves
//! the old version in place.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result, bail};
use serde::Serialize;

use crate::curriculum::Curriculum;
use crate::import;
use crate::sync::git::{Git, Prompts};

/// A path folder made by `add`: its name, where it came from, its commit.
#[derive(Debug, Serialize, Clone, PartialEq)]
pub struct Shelf {
    /// The folder's name under `curricula/`.
    pub name: String,
    /// The repository it was cloned from.
    pub url: String,
    /// The commit checked out.
    pub commit: String,
    /// Its curriculum files.
    pub files: Vec<PathBuf>,
}

/// Where `add` and `update` work: the config dir's `curricula/`, and the
/// parsed-path cache the other paths' ids are read through.
pub struct Shelves {
    /// `<config dir>/curricula`.
    pub curricula: PathBuf,
    /// The cache dir, if there is one.
    pub cache_dir: Option<PathBuf>,
}

/// The Markdown a folder's path was imported from is named in the
/// generated file's first line after this.
const FROM_REPO: &str = "repository file ";

/// The folder `add` would make for `url`: its last part, without `.git`,
/// as an id.
pub fn default_name(url: &str) -> String {
    let last = url.trim_end_matches(['/', '\\']).rsplit(['/', '\\', ':']).next().unwrap_or(url);
    import::slug(last.trim_end_matches(".git"))
}

/// Clones `url` (a URL or a folder) into `curricula/NAME`, refusing it if
/// it holds a link or a file that does not validate. With `markdown`, that
/// file of the repository is imported into `NAME/<its name>.toml`.
pub fn add(at: &Shelves, url: &str, name: Option<&str>, markdown: Option<&str>) -> Result<Shelf> {
    let curricula = at.curricula.as_path();
    if url.starts_with('-') {
        bail!(
            "`{url}` starts with '-', which git would read as an option; give the repository's URL or folder"
        );
    }
    let name = name.map(str::to_string).unwrap_or_else(|| default_name(url));
    if !crate::curriculum::is_valid_id(&name) {
        bail!("`{name}` cannot name a folder of paths: use lowercase letters, digits and '-' (--name NAME)");
    }
    let target = curricula.join(&name);
    if target.exists() {
        bail!(
            "{} already exists; `learnpath update {name}` pulls it, or choose another --name",
            target.display()
        );
    }
    std::fs::create_dir_all(curricula).with_context(|| format!("cannot create {}", curricula.display()))?;
    // Cloned beside the target under a hidden name, and renamed into place
    // only once looked at: `c` never lists a half-checked folder.
    let incoming = curricula.join(format!(".{name}.incoming-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&incoming);
    let outcome = clone_checked(at, &incoming, url, markdown);
    if let Err(e) = outcome {
        let _ = std::fs::remove_dir_all(&incoming);
        return Err(e);
    }
    std::fs::rename(&incoming, &target)
        .with_context(|| format!("cannot move the clone to {}", target.display()))?;
    shelf(curricula, &name)
}

fn clone_checked(at: &Shelves, incoming: &Path, url: &str, markdown: Option<&str>) -> Result<()> {
    let dir = incoming.to_string_lossy();
    // `--no-local` copies through git's protocol even from a folder, so
    // nothing of the source's `.git` (links, hooks) is copied as it is.
    let cloned = Git::new(&at.curricula, Prompts::Allowed).output(&[
        "-c",
        "core.symlinks=false",
        "clone",
        "-q",
        "--no-checkout",
        "--no-local",
        "--no-recurse-submodules",
        "--",
        url,
        &dir,
    ])?;
    // Git's own words say why (no such repository, no access); the
    // command line and the hidden folder would only be noise.
    if !cloned.status.success() {
        bail!("cannot clone {url}: {}", crate::sync::git::said(&cloned));
    }
    let git = Git::new(incoming, Prompts::Allowed);
    let head = git.commit_id("HEAD")?.with_context(|| format!("{url} has no commits"))?;
    let mut ids = check_tree(&git, &head, markdown.as_slice())?;
    git.step(
        &["-c", "core.symlinks=false", "checkout", "-q", "-f", &head, "--", "."],
        "cannot check out the paths",
    )?;
    if let Some(md) = markdown {
        ids.push(import_file(incoming, md)?);
    }
    ids_are_free(at, &ids, None).context("nothing was added")
}

/// Refuses paths (file, id) that take an id another path has, or each
/// other's: two paths under one id would share (and overwrite) their
/// progress. Paths under `except` (the folder being updated) are theirs.
fn ids_are_free(at: &Shelves, ids: &[(String, String)], except: Option<&Path>) -> Result<()> {
    let in_use = match at.curricula.parent() {
        Some(config_dir) => crate::config::ids_in_use(config_dir, at.cache_dir.as_deref(), except),
        None => Vec::new(),
    };
    for (i, (file, id)) in ids.iter().enumerate() {
        if let Some((other, _)) = ids[..i].iter().find(|(_, earlier)| earlier == id) {
            bail!(
                "the repository's {other} and {file} both have the id `{id}`: two paths under one id would share their progress"
            );
        }
        let holder = match in_use.iter().find(|(held, _)| held == id) {
            Some((_, crate::config::Source::Shipped)) => "the path learnpath ships".to_string(),
            Some((_, crate::config::Source::File(path))) => path.display().to_string(),
            None => continue,
        };
        bail!(
            "the repository's {file} has the id `{id}`, which {holder} has already: two paths under one id would share their progress"
        );
    }
    Ok(())
}

/// Refuses commit `rev` if it holds a link or a submodule, or a `*.toml`
/// that does not validate, or lacks a file of `markdown`; says
/// `FILE:LINE:COL`. A repository kept in Markdown may hold no `*.toml`.
/// Returns each `*.toml` with its path's id.
fn check_tree(git: &Git, rev: &str, markdown: &[&str]) -> Result<Vec<(String, String)>> {
    let listing = git.bytes(&["ls-tree", "-r", "-z", "--full-tree", rev])?;
    let mut ids = Vec::new();
    let mut found_md = Vec::new();
    for entry in listing.split(|&b| b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((meta, path)) = entry.split_once('\t') else { continue };
        let mut parts = meta.split(' ');
        let (mode, object) = (parts.next().unwrap_or_default(), parts.nth(1).unwrap_or_default());
        match mode {
            "120000" => bail!(
                "the repository holds a symbolic link, {path}: learnpath keeps no links from a repository (one could point outside its folder); nothing was added or changed"
            ),
            "160000" => bail!(
                "the repository holds a submodule, {path}: learnpath does not fetch submodules; nothing was added or changed"
            ),
            _ => {}
        }
        if markdown.contains(&path) {
            found_md.push(path.to_string());
        }
        if path.ends_with(".toml") {
            let bytes = git.bytes(&["cat-file", "blob", object])?;
            match Curriculum::parse_bytes(&bytes, path) {
                Ok(c) => ids.push((path.to_string(), c.id.into_inner())),
                Err(e) => bail!(
                    "{}\nthe repository's paths must all validate; nothing was added or changed",
                    e.to_string().trim_end()
                ),
            }
        }
    }
    if let Some(md) = markdown.iter().find(|m| !found_md.iter().any(|f| f == *m)) {
        bail!("the repository has no file {md} to import; nothing was added or changed");
    }
    if markdown.is_empty() && ids.is_empty() {
        bail!(
            "the repository holds no *.toml path; if it keeps its path in Markdown, name the file with --import FILE.md"
        );
    }
    Ok(ids)
}

/// Imports `md` of the checkout in `dir` into `dir/<md's stem>.toml`,
/// merging with the one made before. Returns the file's name and its id.
fn import_file(dir: &Path, md: &str) -> Result<(String, String)> {
    let source = dir.join(md);
    let text = crate::regular::read_to_string(&source).with_context(|| format!("cannot read {md}"))?;
    let stem = Path::new(md).file_stem().map_or("imported".into(), |s| s.to_string_lossy().into_owned());
    let file = format!("{}.toml", import::slug(&stem));
    let out = dir.join(&file);
    let previous = std::fs::read_to_string(&out).ok().and_then(|t| Curriculum::parse(&t, "previous").ok());
    let options = import::Options {
        id: previous.as_ref().map(|c| c.id.get_ref().clone()),
        name: md.to_string(),
        source: Some(format!("{FROM_REPO}{md}")),
        ..import::Options::default()
    };
    let imported = import::import(&text, &options, previous.as_ref())
        .map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))?;
    crate::atomic_file::write(&out, imported.text.as_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    Ok((file, imported.curriculum.id.into_inner()))
}

/// The folder `curricula/NAME` as `add` left it.
pub fn shelf(curricula: &Path, name: &str) -> Result<Shelf> {
    let dir = curricula.join(name);
    let git = Git::new(&dir, Prompts::Never);
    let url = git.run(&["remote", "get-url", "origin"]).unwrap_or_default();
    let commit = git.commit_id("HEAD")?.unwrap_or_default();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    Ok(Shelf { name: name.to_string(), url, commit, files })
}

/// Every folder of `curricula` that `add` made.
pub fn shelves(curricula: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(curricula)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_type().is_ok_and(|t| t.is_dir()) && e.path().join(".git").is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    out.sort();
    out
}

/// What `update` did to one folder.
#[derive(Debug, Serialize)]
pub struct Updated {
    /// The folder.
    pub name: String,
    /// Its commit before.
    pub from: String,
    /// Its commit now.
    pub to: String,
}

/// Fetches `curricula/NAME` and moves it to its upstream's commit, if that
/// commit passes the checks `add` makes; else leaves it as it was.
pub fn update(at: &Shelves, name: &str) -> Result<Updated> {
    let dir = at.curricula.join(name);
    if !dir.join(".git").is_dir() {
        bail!("{} was not added with `learnpath add`; there is nothing to pull", dir.display());
    }
    let git = Git::new(&dir, Prompts::Allowed);
    let from = git.commit_id("HEAD")?.unwrap_or_default();
    let changed = git.run(&["status", "--porcelain", "--untracked-files=no"])?;
    if !changed.is_empty() {
        bail!(
            "{name} has changes of yours ({}); an update would lose them: copy them elsewhere and `git -C {} checkout -- .`",
            changed.lines().next().unwrap_or_default().trim(),
            dir.display()
        );
    }
    git.step(&["fetch", "-q", "--no-recurse-submodules", "origin"], &format!("cannot fetch {name}"))?;
    let to =
        git.commit_id("@{upstream}")?.with_context(|| format!("{name}'s branch follows no remote branch"))?;
    let imports = imported_files(&dir);
    let markdown: Vec<&str> = imports.iter().map(String::as_str).collect();
    let refused = || format!("the update of {name} was refused; the version you have stays");
    let ids = check_tree(&git, &to, &markdown).with_context(refused)?;
    ids_are_free(at, &ids, Some(&dir)).with_context(refused)?;
    if to != from {
        git.step(
            &["-c", "core.symlinks=false", "reset", "-q", "--hard", &to],
            "cannot check out the update",
        )?;
    }
    for md in &imports {
        import_file(&dir, md)?;
    }
    Ok(Updated { name: name.to_string(), from, to })
}

/// The Markdown files of the repository in `dir` its generated paths were
/// imported from.
fn imported_files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if let Ok(text) = std::fs::read_to_string(entry.path())
            && let Some(md) = import::source_of(&text).and_then(|s| s.strip_prefix(FROM_REPO))
        {
            out.push(md.to_string());
        }
    }
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_named_after_the_repository() {
        assert_eq!(default_name("https://example.com/me/rust-paths.git"), "rust-paths");
        assert_eq!(default_name("git@example.com:me/Paths.git"), "paths");
        assert_eq!(default_name("/home/me/my paths/"), "my-paths");
    }
}
