//! The curriculum picker (`c`): every path the learner has, with progress;
//! Enter switches to it, and it is remembered for the next start.

use std::path::PathBuf;

use super::Pane;
use super::{App, Message};
use crate::config::{self, Source};
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
    /// The config dir, whose `curricula/` is read each time the picker
    /// opens (so a file added while the app runs is there).
    pub config_dir: Option<PathBuf>,
    /// The one open now.
    pub current: Option<Source>,
    data_dir: Option<PathBuf>,
}

impl Catalog {
    /// The shipped path and the learner's files as they are now, with the
    /// open path among them even when it lives elsewhere (`--curriculum`).
    pub fn sources(&self) -> Vec<Source> {
        let mut sources = match &self.config_dir {
            Some(dir) => config::sources(dir),
            None => vec![Source::Shipped],
        };
        if let Some(current) = &self.current
            && !sources.contains(current)
        {
            sources.insert(1, current.clone());
        }
        sources
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

    pub(super) fn open_picker(&mut self) {
        let choices: Vec<Choice> = self.catalog.sources().iter().map(|s| self.choice(s)).collect();
        let current =
            choices.iter().position(|c| Some(&c.source) == self.catalog.current.as_ref()).unwrap_or(0);
        self.push(super::Overlay::Picker { choices, list: super::Pick::at(current) });
    }

    fn choice(&self, source: &Source) -> Choice {
        match crate::config::load(source) {
            Ok(c) => {
                let done = self.progress.done_count(&c);
                Choice {
                    source: source.clone(),
                    title: c.title.get_ref().clone(),
                    done,
                    total: c.topic_count(),
                    error: None,
                    curriculum: Some(c),
                }
            }
            Err(e) => Choice {
                source: source.clone(),
                title: source.name(),
                done: 0,
                total: 0,
                error: Some(e.to_string().lines().next().unwrap_or_default().to_string()),
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
            let _ = crate::resume::remember_place(dir, self.path.curriculum.id.get_ref(), &self.place());
        }
        self.switch(curriculum);
        if let Some(place) =
            dir.as_deref().and_then(|d| crate::resume::place(d, self.path.curriculum.id.get_ref()))
        {
            self.go_to(&place);
        }
        if let Some(dir) = &dir
            && let Err(e) = crate::resume::remember(dir, &choice.source)
        {
            self.message = Some(Message::Error(format!("Opened, but couldn't remember the choice: {e:#}")));
            return;
        }
        self.catalog.current = Some(choice.source);
        self.message = Some(Message::Info(format!("Opened {}", choice.title)));
    }

    /// Replaces the curriculum, keeping the store, and starts over on it.
    fn switch(&mut self, curriculum: Curriculum) {
        let now = self.now();
        self.path = super::OpenPath::new(curriculum, &mut self.progress, self.data_dir.as_deref(), now);
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
