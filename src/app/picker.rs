//! The curriculum picker (`c`): every path the learner has, with progress;
//! Enter switches to it, and it is remembered for the next start.

use std::path::PathBuf;

use super::{App, Effect, Loaded, Memo, Message, Pane};
use crate::config::Source;
use crate::curriculum::Curriculum;

/// One path in the picker.
pub struct Choice {
    /// Where it comes from.
    pub source: Source,
    /// Its title, or the file name when it doesn't load.
    pub title: String,
    /// Topics done in it.
    pub done: usize,
    /// Topics in it.
    pub total: usize,
    /// Why it doesn't load, if it doesn't.
    pub error: Option<String>,
    curriculum: Option<Curriculum>,
}

/// Where the curricula are and which one is open.
#[derive(Default)]
pub struct Catalog {
    /// The config dir, whose `curricula/` the host reads each time the
    /// picker opens.
    pub config_dir: Option<PathBuf>,
    /// The one open now.
    pub current: Option<Source>,
    data_dir: Option<PathBuf>,
}

impl Catalog {
    /// The paths to offer: `listed` (the shipped path and the learner's
    /// files as they are now), with the open path among them even when it
    /// lives elsewhere (`--curriculum`).
    pub fn offered(mut listed: Vec<Source>, current: Option<&Source>) -> Vec<Source> {
        if let Some(current) = current
            && !listed.contains(current)
        {
            listed.insert(1.min(listed.len()), current.clone());
        }
        listed
    }
}

impl App {
    /// Tells the app where the learner's curricula are, which is open, and
    /// where to remember the choice.
    pub fn with_catalog(mut self, config_dir: PathBuf, current: Source, data_dir: PathBuf) -> Self {
        self.catalog =
            Catalog { config_dir: Some(config_dir), current: Some(current), data_dir: Some(data_dir) };
        self
    }

    /// `c`: asks the host for the curricula as they are now (so a file
    /// added while the app runs is there); the picker opens with them.
    pub(super) fn open_picker(&mut self) {
        let (config_dir, current) = (self.catalog.config_dir.clone(), self.catalog.current.clone());
        self.ask(Effect::LoadCatalog { config_dir, current });
    }

    pub(super) fn show_picker(&mut self, loaded: Vec<(Source, Result<Loaded<Curriculum>, String>)>) {
        let choices: Vec<Choice> = loaded.into_iter().map(|(source, c)| self.choice(source, c)).collect();
        let current =
            choices.iter().position(|c| Some(&c.source) == self.catalog.current.as_ref()).unwrap_or(0);
        self.push(super::Overlay::Picker { choices, list: super::Pick::at(current) });
    }

    fn choice(&self, source: Source, loaded: Result<Loaded<Curriculum>, String>) -> Choice {
        match loaded {
            Ok(c) => {
                let c = c.take();
                Choice {
                    title: c.title.get_ref().clone(),
                    done: self.progress.done_count(&c),
                    total: c.topic_count(),
                    error: None,
                    curriculum: Some(c),
                    source,
                }
            }
            Err(e) => Choice {
                title: source.name(),
                source,
                done: 0,
                total: 0,
                error: Some(e.lines().next().unwrap_or_default().to_string()),
                curriculum: None,
            },
        }
    }

    pub(super) fn confirm_picker(&mut self) {
        let Some(super::Overlay::Picker { mut choices, list }) = self.overlays.pop() else { return };
        let i = list.selected().unwrap_or(0).min(choices.len().saturating_sub(1));
        if choices.is_empty() {
            return;
        }
        let choice = choices.swap_remove(i);
        let Some(curriculum) = choice.curriculum else {
            self.message = Some(Message::Error(format!(
                "Can't open {}: {}",
                choice.source.name(),
                choice.error.unwrap_or_default()
            )));
            return;
        };
        // Each path reopens where the learner left it.
        let dir = self.catalog.data_dir.clone();
        if let Some(dir) = &dir {
            let id = self.path.curriculum.id.get_ref().clone();
            self.ask(Effect::Remember(dir.clone(), Memo::Place(id, self.place())));
        }
        self.switch(curriculum);
        if let Some(dir) = dir {
            self.ask(Effect::FindPlace(dir.clone(), self.path.curriculum.id.get_ref().clone()));
            self.ask(Effect::Remember(dir, Memo::Choice(choice.source.clone())));
        }
        self.catalog.current = Some(choice.source);
        self.message = Some(Message::Info(format!("Opened {}", choice.title)));
    }

    /// Replaces the curriculum, keeping the store, and starts over on it.
    fn switch(&mut self, curriculum: Curriculum) {
        let now = self.now();
        self.path = super::OpenPath::new(curriculum, &mut self.progress, now);
        if let Some(dir) = &self.data_dir {
            self.ask(Effect::LoadNotes(dir.clone()));
        }
        self.overlays.clear();
        self.forget_history();
        self.focus = Pane::Steps;
        self.lists = super::Lists::default();
        for list in [&mut self.lists.steps, &mut self.lists.topics, &mut self.lists.resources] {
            list.select(Some(0));
        }
        self.about_scroll = 0;
        if let Some((s, t)) = self.first_unfinished() {
            self.select(s, Some(t));
        }
    }
}
