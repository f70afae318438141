//! The application state and the one place it changes: [`App::update`].

mod learn;
mod marks;
mod navigate;
mod picker;
mod search;

use jiff::Timestamp;
use ratatui::widgets::ListState;

use crate::action::{Action, Focus, Pane};
use crate::curriculum::{Curriculum, Step};
use crate::progress::{Progress, Status};
use crate::ui::Theme;

pub use marks::resource_key;
pub use picker::{Catalog, Choice};
pub use search::SearchState;

/// Something `update` wants done outside the state: the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in the browser.
    Open(String),
    /// Put this text on the clipboard (OSC 52).
    Copy(String),
    /// Suspend the process to the shell.
    Suspend,
    /// Edit the note at `path` (topic `topic` of step `step`).
    Edit {
        /// The note file.
        path: std::path::PathBuf,
        /// Its step.
        step: usize,
        /// Its topic.
        topic: usize,
    },
}

/// What the status line says, until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Something went as asked.
    Info(String),
    /// Something failed; the text says what to do.
    Error(String),
}

/// The view that fills the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Steps, step detail, topics, resources.
    Main,
    /// Questions and answers.
    Faq,
    /// Done topics due for review.
    Review,
    /// Pace and progress over time.
    Stats,
}

/// A question waiting for a one-key answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prompt {
    /// Reset the selected step (`s`) or the whole path (`p`)?
    Reset,
}

/// Selection and scroll of every list; the widgets keep their offsets here.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    /// The steps pane.
    pub steps: ListState,
    /// The topics of the selected step (indexes the visible topics).
    pub topics: ListState,
    /// The resources of the selected step.
    pub resources: ListState,
    /// The FAQ questions.
    pub faq: ListState,
    /// Search results.
    pub results: ListState,
    /// The curriculum picker.
    pub picker: ListState,
    /// The review queue.
    pub review: ListState,
}

/// A clock, injected so tests can fix the time.
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// Everything the UI shows and the keys change.
pub struct App {
    /// The curriculum being walked.
    pub curriculum: Curriculum,
    /// The learner's progress, saved after every change.
    pub progress: Progress,
    /// Colours and styles.
    pub theme: Theme,
    /// The focused pane of the main view.
    pub focus: Pane,
    /// The right-hand pane last focused, where `l` goes back to.
    pub last_right: Pane,
    /// The view on screen.
    pub view: View,
    /// The help overlay's scroll, when it is open.
    pub help: Option<u16>,
    /// The search box, when it is open.
    pub search: Option<SearchState>,
    /// The question on screen, if any.
    pub prompt: Option<Prompt>,
    /// The curriculum picker, when it is open.
    pub picker: Option<Vec<Choice>>,
    /// The curricula there are and which is open.
    pub catalog: Catalog,
    /// Whether done topics are hidden from the topics list.
    pub hide_done: bool,
    /// Over SSH with no display: Enter copies links instead of opening them.
    pub remote: bool,
    /// Lists' selections and offsets.
    pub lists: Lists,
    /// Scroll of the step description.
    pub about_scroll: u16,
    /// Scroll of the FAQ answer.
    pub answer_scroll: u16,
    /// The status line's message.
    pub message: Option<Message>,
    /// Whether a change could not be saved and is only in memory.
    pub unsaved: bool,
    /// False once the learner quits.
    pub running: bool,
    /// Warnings about the progress file shown during the session, printed
    /// again on exit so they are not lost with the screen.
    pub notices: Vec<String>,
    /// Terminal size in columns and rows.
    pub size: (u16, u16),
    /// The stats on screen, computed when the view opened.
    pub stats: Option<crate::stats::Stats>,
    /// Scroll of the stats text.
    pub stats_scroll: u16,
    marks: marks::Marks,
    notes: crate::notes::Notes,
    due: Vec<crate::review::Due>,
    data_dir: Option<std::path::PathBuf>,
    searcher: Option<crate::search::Searcher>,
    labels: Vec<String>,
    clock: Clock,
}

impl App {
    /// A new app, focus on the steps pane, opened on the step of the first
    /// unfinished topic with that topic selected.
    pub fn new(curriculum: Curriculum, mut progress: Progress) -> Self {
        progress.carry_aliases(&curriculum);
        let notices: Vec<String> = progress.notice.take().into_iter().collect();
        let message = notices.first().cloned().map(Message::Error);
        let mut app = App {
            labels: step_labels(curriculum.steps()),
            curriculum,
            progress,
            theme: Theme::default(),
            focus: Pane::Steps,
            last_right: Pane::Topics,
            view: View::Main,
            help: None,
            search: None,
            prompt: None,
            picker: None,
            catalog: Catalog::default(),
            hide_done: false,
            remote: false,
            lists: Lists::default(),
            about_scroll: 0,
            answer_scroll: 0,
            message,
            unsaved: false,
            running: true,
            notices,
            size: (80, 24),
            stats: None,
            stats_scroll: 0,
            marks: marks::Marks::default(),
            notes: crate::notes::Notes::default(),
            due: Vec::new(),
            data_dir: None,
            searcher: None,
            clock: Box::new(Timestamp::now),
        };
        for list in
            [&mut app.lists.steps, &mut app.lists.topics, &mut app.lists.resources, &mut app.lists.faq]
        {
            list.select(Some(0));
        }
        app.recount();
        if let Some((s, t)) = app.first_unfinished() {
            app.select(s, Some(t));
        }
        app
    }

    /// Replaces the clock (tests fix the time with it).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the theme.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// Marks the session as remote (SSH, no display): links are copied.
    pub fn with_remote(mut self, remote: bool) -> Self {
        self.remote = remote;
        self
    }

    /// Whatever receives keys now.
    pub fn key_focus(&self) -> Focus {
        if self.prompt.is_some() {
            Focus::Prompt
        } else if self.help.is_some() {
            Focus::Help
        } else if self.search.is_some() {
            Focus::Search
        } else if self.picker.is_some() {
            Focus::Picker
        } else if self.view == View::Faq {
            Focus::Faq
        } else if self.view == View::Review {
            Focus::Review
        } else if self.view == View::Stats {
            Focus::Stats
        } else {
            Focus::Pane(self.focus)
        }
    }

    /// Index of the selected step.
    pub fn step_index(&self) -> usize {
        self.lists.steps.selected().unwrap_or(0).min(self.curriculum.steps().len().saturating_sub(1))
    }

    /// The selected step.
    pub fn step(&self) -> &Step {
        &self.curriculum.steps()[self.step_index()]
    }

    /// The label of step `i` in lists: `1.` for numbered steps, `+` for extras.
    pub fn label(&self, i: usize) -> &str {
        self.labels.get(i).map_or("", String::as_str)
    }

    /// The whole terminal as a rectangle.
    pub fn area(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Applies `action`; returns what the run loop must do outside the state.
    pub fn update(&mut self, action: Action) -> Option<Effect> {
        if !matches!(action, Action::Resize(..) | Action::Reload) {
            self.message = None;
        }
        match action {
            Action::Quit => self.running = false,
            Action::Resize(w, h) => self.size = (w, h),
            Action::ShowHelp => self.help = Some(0),
            Action::ShowFaq => {
                self.view = View::Faq;
                self.answer_scroll = 0;
            }
            Action::Close => self.close(),
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::FocusLeft => self.set_focus(Pane::Steps),
            Action::FocusRight if self.focus == Pane::Steps => self.set_focus(self.last_right),
            Action::FocusRight => {}
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::Toggle => self.toggle(),
            Action::MarkProgress => self.mark_selected(Status::InProgress),
            Action::MarkSkipped => self.mark_selected(Status::Skipped),
            Action::Reset => self.reset_key(),
            Action::Answer(c) => self.answer(c),
            Action::NextUnfinished => self.jump_unfinished(true),
            Action::PrevUnfinished => self.jump_unfinished(false),
            Action::ToggleHideDone => self.toggle_hide_done(),
            Action::OpenSearch => self.open_search(),
            Action::SearchInput(c) => self.search_input(c),
            Action::SearchBackspace => self.search_edit(search::Edit::Backspace),
            Action::SearchDeleteWord => self.search_edit(search::Edit::Word),
            Action::SearchClear => self.search_edit(search::Edit::Clear),
            Action::Confirm if self.picker.is_some() && self.search.is_none() => self.confirm_picker(),
            Action::Confirm => self.confirm_search(),
            Action::OpenPicker => self.open_picker(),
            Action::EditNote => return self.edit_note(),
            Action::OpenReview => self.open_review(),
            Action::Remembered => self.answer_review(true),
            Action::Forgot => self.answer_review(false),
            Action::OpenStats => self.open_stats(),
            Action::Open => return self.open(),
            Action::Copy => return self.copy(),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Suspend => return Some(Effect::Suspend),
            Action::Reload => self.reload(),
        }
        None
    }

    /// Records how an attempt to open `url` went.
    pub fn opened(&mut self, url: &str, result: anyhow::Result<()>) {
        self.message = Some(match result {
            Ok(()) => Message::Info(format!("Opened {url}")),
            Err(e) => {
                Message::Error(format!("No browser could open {url} ({e:#}); set $BROWSER or copy the link"))
            }
        });
    }

    /// Records how copying `url` went.
    pub fn copied(&mut self, url: &str, result: anyhow::Result<()>) {
        let remote = if self.remote { " (over SSH: copied instead of opening)" } else { "" };
        self.message = Some(match result {
            Ok(()) => Message::Info(format!("Copied{remote}: {url}")),
            Err(e) => Message::Error(format!("Couldn't copy ({e:#}): {url}")),
        });
    }

    fn close(&mut self) {
        if self.prompt.take().is_some()
            || self.help.take().is_some()
            || self.search.take().is_some()
            || self.picker.take().is_some()
        {
            return;
        }
        self.view = View::Main;
    }

    /// The selected resource's URL, or the step's first when the topics
    /// pane has the focus.
    fn link(&self) -> Option<String> {
        let resources = &self.step().resources;
        let r = match self.focus {
            Pane::Resources => self.lists.resources.selected()?,
            _ => 0,
        };
        resources.get(r).map(|r| r.url.get_ref().clone())
    }

    fn open(&mut self) -> Option<Effect> {
        if self.key_focus() == Focus::Review {
            return self.open_review_link();
        }
        if self.key_focus() != Focus::Pane(Pane::Resources) {
            return None;
        }
        let url = self.link()?;
        Some(if self.remote { Effect::Copy(url) } else { Effect::Open(url) })
    }

    fn copy(&mut self) -> Option<Effect> {
        match self.link() {
            Some(url) => Some(Effect::Copy(url)),
            None => {
                self.message = Some(Message::Info("This step has no links to copy".into()));
                None
            }
        }
    }

    fn save(&mut self, what: String) {
        match self.progress.save() {
            Ok(()) => {
                self.unsaved = false;
                self.message = Some(Message::Info(what));
            }
            Err(e) => {
                self.unsaved = true;
                self.message = Some(Message::Error(format!(
                    "Not saved: {e:#}. Kept in memory; will retry on the next change."
                )));
            }
        }
        self.take_notice();
    }

    /// Merges in what another process saved.
    fn reload(&mut self) {
        match self.progress.reload() {
            Ok(true) => {
                self.recount();
                if self.data_dir.is_some() {
                    self.refresh_due();
                }
                self.message = Some(Message::Info("Updated with changes saved by another learnpath".into()));
            }
            Ok(false) => {}
            Err(e) => self.message = Some(Message::Error(format!("Cannot read changes from disk: {e:#}"))),
        }
        self.take_notice();
    }

    /// Shows (and remembers) what the store had to say about the file.
    fn take_notice(&mut self) {
        if let Some(notice) = self.progress.notice.take() {
            self.message = Some(Message::Error(notice.clone()));
            self.notices.push(notice);
        }
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }
}

/// `1.`, `2.` … for numbered steps in order, `+` for extras.
fn step_labels(steps: &[Step]) -> Vec<String> {
    let mut number = 0;
    steps
        .iter()
        .map(|s| {
            if s.optional {
                "+".to_string()
            } else {
                number += 1;
                format!("{number}.")
            }
        })
        .collect()
}
