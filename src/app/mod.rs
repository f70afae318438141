//! The application state and the one place it changes: [`App::update`].

mod action;
mod effects;
mod focus;
mod geometry;
pub mod keymap;
mod learn;
mod links;
mod marks;
mod navigate;
mod overlays;
mod path;
mod picker;
mod search;
mod today;
mod types;
mod undo;
mod walk;

use jiff::Timestamp;

use crate::curriculum::{Curriculum, Step};
use crate::progress::{Progress, Status};
use crate::theme::Theme;

pub use action::Action;
pub use focus::{Focus, Pane};
pub use geometry::{Geometry, Hit, Row, Scroll, Target};
pub use overlays::Overlay;
pub use path::OpenPath;
pub use picker::{Catalog, Choice};
pub use search::{MAX_QUERY, SearchState};
pub use today::TodayItem;
pub use types::{Clock, Effect, Lists, Loaded, Memo, Message, Pick, Prompt, View};

/// Everything the UI shows and the keys change.
pub struct App {
    /// The curriculum being walked, with everything derived from it.
    path: OpenPath,
    /// The learner's progress, saved after every change.
    progress: Progress,
    /// Colours and styles.
    theme: Theme,
    /// The focused pane of the main view.
    focus: Pane,
    /// The right-hand pane last focused, where `l` goes back to.
    last_right: Pane,
    /// The curricula there are and which is open.
    catalog: Catalog,
    /// Whether done topics are hidden from the topics list.
    hide_done: bool,
    /// Whether the page fills the right side (`z`), the topics and links
    /// panes hidden.
    full_page: bool,
    /// The one kind of link the resources pane shows, if filtered.
    kind_filter: Option<crate::curriculum::Kind>,
    /// Minutes a day for today's plan, from the config.
    daily_minutes: Option<f64>,
    /// Over SSH with no display: Enter copies links instead of opening them.
    remote: bool,
    /// Whether URLs are drawn as OSC 8 hyperlinks (`hyperlinks = true`).
    hyperlinks: bool,
    /// Whether the cursor on the selection is visible (`cursor = "show"`).
    show_cursor: bool,
    /// Lists' selections.
    lists: Lists,
    /// Scroll of the step description.
    about_scroll: u16,
    /// The status line's message.
    message: Option<Message>,
    /// Whether a change could not be saved and is only in memory.
    unsaved: bool,
    /// Whether a save waits for another learnpath's to finish.
    waiting: bool,
    /// False once the learner quits.
    running: bool,
    /// Warnings about the progress file shown during the session, printed
    /// again on exit so they are not lost with the screen.
    notices: Vec<String>,
    /// Terminal size in columns and rows.
    size: (u16, u16),
    /// Where syncing stands, when the config turns it on.
    sync: Option<crate::sync::State>,
    /// Days the clock is ahead in `--demo`, which works on a copy.
    demo: Option<u32>,
    overlays: Vec<Overlay>,
    drawn: Geometry,
    history: undo::History,
    data_dir: Option<std::path::PathBuf>,
    clock: Clock,
    /// Effects asked for and not yet handed to the host.
    outbox: Vec<Effect>,
}

impl App {
    /// A new app, focus on the steps pane, opened on the step of the first
    /// unfinished topic with that topic selected.
    pub fn new(curriculum: Curriculum, mut progress: Progress) -> Self {
        let path = OpenPath::new(curriculum, &mut progress, Timestamp::now());
        let notices: Vec<String> = progress.notice.take().iter().map(ToString::to_string).collect();
        let message = notices.first().cloned().map(Message::Error);
        let mut app = App {
            path,
            progress,
            theme: Theme::default(),
            focus: Pane::Steps,
            last_right: Pane::Topics,
            catalog: Catalog::default(),
            hide_done: false,
            full_page: false,
            kind_filter: None,
            daily_minutes: None,
            remote: false,
            hyperlinks: false,
            show_cursor: false,
            lists: Lists::default(),
            about_scroll: 0,
            message,
            unsaved: false,
            waiting: false,
            running: true,
            notices,
            size: (80, 24),
            sync: None,
            demo: None,
            overlays: Vec::new(),
            drawn: Geometry::default(),
            history: undo::History::default(),
            data_dir: None,
            clock: Box::new(Timestamp::now),
            outbox: Vec::new(),
        };
        for list in [&mut app.lists.steps, &mut app.lists.topics, &mut app.lists.resources] {
            list.select(Some(0));
        }
        if let Some((s, t)) = app.first_unfinished() {
            app.select(s, Some(t));
        }
        app
    }

    /// The curriculum being walked, with everything derived from it.
    pub fn path(&self) -> &OpenPath {
        &self.path
    }

    /// The learner's progress.
    pub fn progress(&self) -> &Progress {
        &self.progress
    }

    /// Colours and styles.
    pub fn theme(&self) -> Theme {
        self.theme
    }

    /// The focused pane of the main screen.
    pub fn focus(&self) -> Pane {
        self.focus
    }

    /// The curricula there are and which is open.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Whether the page fills the right side (`z`).
    pub fn full_page(&self) -> bool {
        self.full_page
    }

    /// Whether done topics are hidden.
    pub fn hide_done(&self) -> bool {
        self.hide_done
    }

    /// The one kind of link the resources pane shows, if filtered.
    pub fn kind_filter(&self) -> Option<crate::curriculum::Kind> {
        self.kind_filter
    }

    /// Minutes a day for today's plan, from the config.
    pub fn daily_minutes(&self) -> Option<f64> {
        self.daily_minutes
    }

    /// Over SSH with no display: links are copied, not opened.
    pub fn remote(&self) -> bool {
        self.remote
    }

    /// Whether the cursor on the selection is visible.
    pub fn show_cursor(&self) -> bool {
        self.show_cursor
    }

    /// Shows the cursor on the selection (it is placed there either way).
    pub fn with_show_cursor(mut self, on: bool) -> Self {
        self.show_cursor = on;
        self
    }

    /// Whether URLs are drawn as OSC 8 hyperlinks.
    pub fn hyperlinks(&self) -> bool {
        self.hyperlinks
    }

    /// Draws URLs as OSC 8 hyperlinks (the terminal cannot be asked
    /// whether it supports them, so the learner turns them on).
    pub fn with_hyperlinks(mut self, on: bool) -> Self {
        self.hyperlinks = on;
        self
    }

    /// The main screen's selections.
    pub fn lists(&self) -> &Lists {
        &self.lists
    }

    /// How far the description is scrolled.
    pub fn about_scroll(&self) -> u16 {
        self.about_scroll
    }

    /// The status line's message.
    pub fn message(&self) -> &Option<Message> {
        &self.message
    }

    /// Whether a change could not be saved and is only in memory.
    pub fn unsaved(&self) -> bool {
        self.unsaved
    }

    /// Whether a save waits for another learnpath's to finish.
    pub fn waiting(&self) -> bool {
        self.waiting
    }

    /// False once the learner quits.
    pub fn running(&self) -> bool {
        self.running
    }

    /// What was said about the progress file during the session.
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// The terminal's columns and rows.
    pub fn size(&self) -> (u16, u16) {
        self.size
    }

    /// Where syncing stands, when the config turns it on.
    pub fn sync(&self) -> Option<crate::sync::State> {
        self.sync
    }

    /// Opens with `message` on the status line (a problem found before
    /// the app started).
    pub fn with_message(mut self, message: Message) -> Self {
        self.message = Some(message);
        self
    }

    /// Opens with `problem` on the status line until a key is pressed, and
    /// said again after quitting (a curriculum that could not be opened).
    pub fn with_problem(mut self, problem: String) -> Self {
        self.message = Some(Message::Error(problem.clone()));
        self.notices.push(problem);
        self
    }

    /// Marks the session as `--demo`: a copy of the data, the clock
    /// `days` ahead; the header says so.
    pub fn with_demo(mut self, days: u32) -> Self {
        self.demo = Some(days);
        self
    }

    /// Days the clock is ahead, in `--demo`.
    pub fn demo(&self) -> Option<u32> {
        self.demo
    }

    /// Opens with a background sync under way.
    pub fn with_sync(mut self) -> Self {
        self.sync = Some(crate::sync::State::Syncing);
        self
    }

    /// The store itself, for the host alone: it performs the store's
    /// effects ([`Effect::Save`], [`Effect::Reload`]) on it and feeds the
    /// results back; the app never reads or writes the file.
    pub fn store(&mut self) -> &mut Progress {
        &mut self.progress
    }

    /// What the last frame drew.
    pub fn geometry(&self) -> &Geometry {
        &self.drawn
    }

    /// Takes what the last frame drew: clicks, the wheel, pages and scroll
    /// limits are resolved against it.
    pub fn drawn(&mut self, geometry: Geometry) {
        self.drawn = geometry;
    }

    /// Replaces the clock (tests fix the time with it).
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self.recount();
        self
    }

    /// Replaces the theme.
    pub fn with_theme(mut self, theme: Theme) -> Self {
        self.theme = theme;
        self
    }

    /// Sets the day's budget for `T` (the config's `daily_minutes`).
    pub fn with_daily_minutes(mut self, minutes: Option<f64>) -> Self {
        self.daily_minutes = minutes;
        self
    }

    /// Marks the session as remote (SSH, no display): links are copied.
    pub fn with_remote(mut self, remote: bool) -> Self {
        self.remote = remote;
        self
    }

    /// Whatever receives keys now: the overlay on top, else the focused
    /// pane.
    pub fn key_focus(&self) -> Focus {
        self.top().map_or(Focus::Pane(self.focus), Overlay::focus)
    }

    /// Index of the selected step.
    pub fn step_index(&self) -> usize {
        self.lists.steps.selected().unwrap_or(0).min(self.path.curriculum.steps().len().saturating_sub(1))
    }

    /// The selected step.
    pub fn step(&self) -> &Step {
        &self.path.curriculum.steps()[self.step_index()]
    }

    /// The label of step `i` in lists: `1.` for numbered steps, `+` for extras.
    pub fn label(&self, i: usize) -> &str {
        self.path.labels.get(i).map_or("", String::as_str)
    }

    /// The whole terminal as a rectangle.
    pub fn area(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Applies `action`; returns what the host must do outside the state,
    /// in order, each answered with an action fed back here.
    #[must_use = "effects are the host's to perform: saves, reloads, notes, links"]
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        if action.is_news() {
            self.take_news(action);
            return std::mem::take(&mut self.outbox);
        }
        self.message = None;
        match action {
            Action::Quit => self.running = false,
            Action::ShowHelp => self.push(Overlay::Help { scroll: 0 }),
            Action::ShowFaq => self.push(Overlay::Faq { list: Pick::at(0), answer_scroll: 0 }),
            Action::Close => self.close(),
            Action::FocusNext => self.set_focus(self.shown_pane(self.focus.next(), Pane::next)),
            Action::FocusPrev => self.set_focus(self.shown_pane(self.focus.prev(), Pane::prev)),
            Action::FocusLeft => self.set_focus(Pane::Steps),
            Action::FocusRight if self.focus == Pane::Steps => {
                self.set_focus(self.shown_pane(self.last_right, |_| Pane::Topics))
            }
            Action::FocusRight => {}
            Action::Up => self.move_by(-1),
            Action::Down => self.move_by(1),
            Action::PageUp => self.move_by(-self.page()),
            Action::PageDown => self.move_by(self.page()),
            Action::First => self.move_by(isize::MIN / 2),
            Action::Last => self.move_by(isize::MAX / 2),
            Action::ScrollDown => self.scroll(1),
            Action::ScrollUp => self.scroll(-1),
            Action::Select(n) => {
                self.move_by(isize::MIN / 2);
                self.move_by(isize::try_from(n).unwrap_or(isize::MAX / 2));
            }
            Action::SetStatus(status) => self.set_selected(status),
            Action::Toggle => self.toggle(),
            Action::MarkProgress => self.mark_selected(Status::InProgress),
            Action::MarkSkipped => self.mark_selected(Status::Skipped),
            Action::Reset => self.reset_key(),
            Action::Answer(c) => self.answer(c),
            Action::NextUnfinished => self.jump_unfinished(true),
            Action::PrevUnfinished => self.jump_unfinished(false),
            Action::ToggleHideDone => self.toggle_hide_done(),
            Action::TogglePage => self.toggle_page(),
            Action::CycleKind => self.cycle_kind(),
            Action::OpenSearch => self.open_search(),
            Action::SearchInput(c) => self.search_input(c),
            Action::SearchBackspace => self.search_edit(search::Edit::Backspace),
            Action::SearchDeleteWord => self.search_edit(search::Edit::Word),
            Action::SearchClear => self.search_edit(search::Edit::Clear),
            Action::Confirm => match self.top() {
                Some(Overlay::Picker { .. }) => self.confirm_picker(),
                Some(Overlay::Search(_)) => self.confirm_search(),
                Some(Overlay::Today { .. }) => self.confirm_today(),
                _ => {}
            },
            Action::OpenPicker => self.open_picker(),
            Action::EditNote => self.edit_note(),
            Action::OpenReview => self.open_review(),
            Action::Grade(g) => self.answer_review(g),
            Action::OpenStats => self.open_stats(),
            Action::OpenToday => self.open_today(),
            Action::Open => self.open(),
            Action::Copy => self.copy(),
            Action::CopyId => self.copy_id(),
            Action::Click(x, y) => self.click(x, y),
            Action::Wheel(x, y, down) => self.wheel(x, y, down),
            Action::Suspend => self.ask(Effect::Suspend),
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            // News, taken in above.
            _ => {}
        }
        std::mem::take(&mut self.outbox)
    }

    fn now(&self) -> Timestamp {
        (self.clock)()
    }
}
