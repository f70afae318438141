//! The host's half of the loop: the effects `update` asks for, performed
//! one by one, each result fed back as an action, until none is left. The
//! run loop and the tests' driver both go through [`apply`], so a test sees
//! the disk work the app sees.

use std::collections::VecDeque;

use anyhow::Result;

use super::Host;
use crate::app::{Action, App, Catalog, Effect, Loaded, Memo};
use crate::config::{self, Source};

/// Applies `action` and performs every effect it leads to, feeding each
/// result back before the next. Returns whether the terminal was handed
/// over (an editor, a suspend, a text-mode browser), so the next frame
/// must be drawn from scratch.
pub fn apply(app: &mut App, action: Action, host: &mut dyn Host) -> Result<bool> {
    let mut queue = VecDeque::from(app.update(action));
    let mut handed_over = false;
    while let Some(effect) = queue.pop_front() {
        let news = match effect {
            Effect::Open(url) => {
                let result = host.open(&url);
                handed_over |= matches!(result, Ok(true));
                Action::Opened(url, result.err().map(|e| format!("{e:#}")))
            }
            Effect::Copy(text) => {
                let error = host.copy(&text).err().map(|e| format!("{e:#}"));
                Action::Copied(text, error)
            }
            Effect::Edit { path, step, topic } => {
                let result = host.edit(&path).map_err(|e| format!("{e:#}"));
                handed_over = true;
                Action::Edited { path, step, topic, result }
            }
            Effect::Suspend => {
                host.suspend()?;
                handed_over = true;
                continue;
            }
            Effect::Save { what, patience } => {
                let result = app.store().save_within(patience).map_err(|e| format!("{e:#}"));
                Action::Saved { what, result }
            }
            Effect::Reload => Action::Reloaded(app.store().reload().map_err(|e| format!("{e:#}"))),
            Effect::LoadNotes(dir) => {
                let notes = crate::notes::Notes::load(Some(&dir), &app.path().curriculum);
                Action::NotesLoaded(Loaded::new(notes))
            }
            Effect::LoadNote { path, step, topic } => {
                Action::NoteLoaded { step, topic, note: crate::notes::read_note(&path) }
            }
            Effect::LoadCatalog { config_dir, current } => {
                let listed = config_dir.as_deref().map_or_else(|| vec![Source::Shipped], config::sources);
                let sources = Catalog::offered(listed, current.as_ref());
                let cache = host.cache_dir().map(std::path::Path::to_path_buf);
                let load = |s: &Source| load(s, cache.as_deref());
                Action::CatalogLoaded(sources.into_iter().map(|s| (s.clone(), load(&s))).collect())
            }
            Effect::Remember(dir, memo) => {
                let result = match memo {
                    Memo::Place(id, place) => crate::resume::remember_place(&dir, &id, &place),
                    Memo::Choice(source) => crate::resume::remember(&dir, &source),
                };
                Action::Remembered(result.err().map(|e| format!("{e:#}")))
            }
            Effect::FindPlace(dir, id) => Action::PlaceFound(crate::resume::place(&dir, &id)),
        };
        queue.extend(app.update(news));
    }
    Ok(handed_over)
}

/// One curriculum for the picker, or why it does not load.
fn load(
    source: &Source,
    cache_dir: Option<&std::path::Path>,
) -> Result<Loaded<crate::curriculum::Curriculum>, String> {
    config::load(source, cache_dir).map(Loaded::new).map_err(|e| e.to_string())
}
