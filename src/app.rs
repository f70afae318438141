//! The application state and the one place it changes: [`App::update`].

use jiff::Timestamp;
use ratatui::widgets::ListState;

use crate::action::{Action, Focus, Pane};
use crate::curriculum::{Curriculum, Step};
use crate::progress::{Progress, Status};
use crate::ui::{self, Theme};

/// Something `update` wants done outside the state: the run loop does it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Open this URL in the browser.
    Open(String),
    /// Suspend the process to the shell.
    Suspend,
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
}

/// Selection and scroll of every list; the widgets keep their offsets here.
#[derive(Debug, Default, Clone)]
pub struct Lists {
    /// The steps pane.
    pub steps: ListState,
    /// The topics of the selected step.
    pub topics: ListState,
    /// The resources of the selected step.
    pub resources: ListState,
    /// The FAQ questions.
    pub faq: ListState,
}

/// A clock, injected so tests can fix the time.
pub type Clock = Box<dyn Fn() -> Timestamp>;

/// Everything the UI shows and the keys change.
pub struct App {
    /// The curriculum being walked.
    pub curriculum: Curriculum,
    /// The learner's ticks, saved after every change.
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
    /// Per step, per topic: done or not; mirrors the store for this
    /// curriculum so drawing needs no lookups.
    marks: Vec<Vec<bool>>,
    /// Per step, how many topics are done; kept up to date on every change.
    done: Vec<usize>,
    /// Per step, its label in lists: `1.` … for numbered steps, `+` for extras.
    labels: Vec<String>,
    clock: Clock,
}

impl App {
    /// A new app on step 1 with focus on the steps pane.
    pub fn new(curriculum: Curriculum, mut progress: Progress) -> Self {
        progress.carry_aliases(&curriculum);
        let mut lists = Lists::default();
        lists.steps.select(Some(0));
        lists.topics.select(Some(0));
        lists.resources.select(Some(0));
        lists.faq.select(Some(0));
        let notices: Vec<String> = progress.notice.take().into_iter().collect();
        let message = notices.first().cloned().map(Message::Error);
        let mut app = App {
            curriculum,
            progress,
            theme: Theme::default(),
            focus: Pane::Steps,
            last_right: Pane::Topics,
            view: View::Main,
            help: None,
            lists,
            about_scroll: 0,
            answer_scroll: 0,
            message,
            unsaved: false,
            running: true,
            notices,
            size: (80, 24),
            marks: Vec::new(),
            done: Vec::new(),
            labels: Vec::new(),
            clock: Box::new(Timestamp::now),
        };
        app.labels = step_labels(app.curriculum.steps());
        app.recount();
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

    /// Whatever receives keys now.
    pub fn key_focus(&self) -> Focus {
        match (self.help, self.view) {
            (Some(_), _) => Focus::Help,
            (None, View::Faq) => Focus::Faq,
            (None, View::Main) => Focus::Pane(self.focus),
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

    /// Topics done in step `i`.
    pub fn done_in(&self, i: usize) -> usize {
        self.done.get(i).copied().unwrap_or(0)
    }

    /// Topics done over the whole curriculum.
    pub fn done_total(&self) -> usize {
        self.done.iter().sum()
    }

    /// Whether topic `t` of step `s` is done.
    pub fn is_done(&self, s: usize, t: usize) -> bool {
        self.marks.get(s).and_then(|m| m.get(t)).copied().unwrap_or(false)
    }

    /// The label of step `i` in lists: `1.` for numbered steps, `+` for extras.
    pub fn label(&self, i: usize) -> &str {
        self.labels.get(i).map_or("", String::as_str)
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
            Action::Close if self.help.is_some() => self.help = None,
            Action::Close => self.view = View::Main,
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
            Action::Open => return self.open(),
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

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        if pane != Pane::Steps {
            self.last_right = pane;
        }
    }

    fn move_by(&mut self, delta: isize) {
        let (topics, resources) = (self.step().topics.len(), self.step().resources.len());
        let (state, len) = match (self.help, self.view, self.focus) {
            (Some(scroll), ..) => {
                let max = ui::help::max_scroll(self);
                self.help = Some(step_u16(scroll, delta, max));
                return;
            }
            (None, View::Faq, _) => (&mut self.lists.faq, self.curriculum.faq.len()),
            (None, View::Main, Pane::Steps) => (&mut self.lists.steps, self.curriculum.steps().len()),
            (None, View::Main, Pane::Topics) => (&mut self.lists.topics, topics),
            (None, View::Main, Pane::Resources) => (&mut self.lists.resources, resources),
        };
        let old = state.selected().unwrap_or(0);
        let new = old.saturating_add_signed(delta).min(len.saturating_sub(1));
        state.select(Some(new));
        if new != old {
            match (self.view, self.focus) {
                (View::Faq, _) => self.answer_scroll = 0,
                (View::Main, Pane::Steps) => {
                    self.lists.topics = select_first();
                    self.lists.resources = select_first();
                    self.about_scroll = 0;
                }
                _ => {}
            }
        }
    }

    /// Rows in a page of the list that has the focus.
    fn page(&self) -> isize {
        ui::page_rows(self).max(1) as isize
    }

    fn scroll(&mut self, delta: isize) {
        match self.view {
            View::Main => self.about_scroll = step_u16(self.about_scroll, delta, ui::about::max_scroll(self)),
            View::Faq => self.answer_scroll = step_u16(self.answer_scroll, delta, ui::faq::max_scroll(self)),
        }
    }

    fn toggle(&mut self) {
        if self.key_focus() != Focus::Pane(Pane::Topics) {
            return;
        }
        let s = self.step_index();
        let Some(t) = self.lists.topics.selected().filter(|&t| t < self.step().topics.len()) else {
            return;
        };
        if self.progress.is_read_only() {
            self.message = Some(Message::Error(
                "This progress file is from a newer learnpath, so ticks can't be saved. Upgrade learnpath."
                    .into(),
            ));
            return;
        }
        let step = &self.curriculum.steps()[s];
        let key = step.key(&step.topics[t]);
        let id = self.curriculum.id.get_ref().clone();
        let now = (self.clock)();
        let was_done = self.is_done(s, t);
        let status = if was_done { Status::Todo } else { Status::Done };
        let title = step.topics[t].title.get_ref().clone();
        self.progress.set(&id, &key, status, now);
        self.marks[s][t] = !was_done;
        if was_done {
            self.done[s] -= 1;
        } else {
            self.done[s] += 1;
        }
        self.save(match status {
            Status::Done => format!("Done: {title}"),
            Status::Todo => format!("Not done: {title}"),
        });
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

    fn open(&mut self) -> Option<Effect> {
        if self.key_focus() != Focus::Pane(Pane::Resources) {
            return None;
        }
        let r = self.lists.resources.selected()?;
        let url = self.step().resources.get(r)?.url.get_ref().clone();
        Some(Effect::Open(url))
    }

    /// Rebuilds the marks and counts from the store: on start and after
    /// another process's changes are merged in.
    fn recount(&mut self) {
        let steps = self.curriculum.steps();
        self.marks = steps.iter().map(|s| vec![false; s.topics.len()]).collect();
        self.done = vec![0; steps.len()];
        for (key, entry) in self.progress.topics(self.curriculum.id.get_ref()) {
            if entry.status == Status::Done
                && let Some((s, t)) = self.curriculum.locate(key)
            {
                self.marks[s][t] = true;
                self.done[s] += 1;
            }
        }
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

fn select_first() -> ListState {
    ListState::default().with_selected(Some(0))
}

fn step_u16(value: u16, delta: isize, max: u16) -> u16 {
    (value as isize + delta).clamp(0, max as isize) as u16
}

impl App {
    /// The whole terminal as a rectangle.
    pub fn area(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)
    }
}
