//! Markdown read into the few shapes a path is made of: headings,
//! paragraphs, lists (with task marks and nesting) and tables, each with
//! its line; what cannot become part of a path (images, HTML, badges, code)
//! is noted with its line so the import can say what it left out.
//!
//! The parsing is pulldown-cmark's (CommonMark with tables and task
//! lists); this file only folds its events into those shapes.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of text with the links and code spans in it, as byte ranges of
/// `text`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inline {
    /// The text as a reader sees it, without Markdown's marks.
    pub text: String,
    /// Its links, in order.
    pub links: Vec<Link>,
    /// Its code spans: where each starts and ends in `text`.
    pub code: Vec<(usize, usize)>,
}

/// A link in a run of text.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// Where it points, as written.
    pub url: String,
    /// Where its text starts and ends in the run's text.
    pub start: usize,
    /// See `start`.
    pub end: usize,
    /// Its line.
    pub line: usize,
}

/// A list item: its own text, its task mark, its sub-items.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Item {
    /// The item's text, without its sub-items.
    pub inline: Inline,
    /// `Some(true)` for `- [x]`, `Some(false)` for `- [ ]`.
    pub checked: Option<bool>,
    /// Nested items, in order.
    pub children: Vec<Item>,
    /// Its line.
    pub line: usize,
}

/// A block of the document, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `#`…`######`.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Its text.
        inline: Inline,
        /// Its line.
        line: usize,
    },
    /// A paragraph outside lists and tables.
    Paragraph(Inline),
    /// A list, with its items.
    List(Vec<Item>),
    /// A table: its header cells and its rows of cells.
    Table {
        /// The header's cells.
        head: Vec<Inline>,
        /// Each row's cells, with the row's line.
        rows: Vec<Row>,
    },
}

/// Something left out of the path, with where it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Skipped {
    /// An image.
    Image,
    /// A badge: an image inside a link.
    Badge,
    /// Raw HTML.
    Html,
    /// A fenced or indented code block.
    Code,
}

/// A table row's cells, and its line.
pub type Row = (Vec<Inline>, usize);

/// A whole document.
#[derive(Debug, Default)]
pub struct Doc {
    /// Its blocks, in order.
    pub blocks: Vec<Block>,
    /// What was left out, and on which line.
    pub skipped: Vec<(Skipped, usize)>,
}

impl Inline {
    fn push(&mut self, s: &str) {
        // Markdown's line breaks and the gaps between a loose item's
        // paragraphs read as one space.
        if s == " " && (self.text.is_empty() || self.text.ends_with(' ')) {
            return;
        }
        self.text.push_str(s);
    }

    /// Whether the text is nothing but spaces.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Where text events go while reading.
#[derive(Default)]
struct Reader {
    doc: Doc,
    lines: Vec<usize>,
    /// The open lists, innermost last, with the items already closed.
    lists: Vec<Vec<Item>>,
    /// The open items, innermost last.
    items: Vec<Item>,
    heading: Option<(u8, Inline, usize)>,
    paragraph: Option<Inline>,
    table: Option<(Vec<Inline>, Vec<Row>)>,
    row: Vec<Inline>,
    row_line: usize,
    cell: Option<Inline>,
    /// Open links: where each one's text started, its URL and line, and
    /// whether an image was inside it.
    links: Vec<(usize, String, usize, bool)>,
    /// Inside an image, a code block or a block quote: its text is not
    /// part of any title.
    hidden: usize,
    code_start: Option<usize>,
    /// An HTML block's line, until its first text says what it is.
    html_block: Option<usize>,
}

/// Reads `text`.
pub fn read(text: &str) -> Doc {
    let mut r = Reader { lines: line_starts(text), ..Reader::default() };
    let options = Options::ENABLE_TABLES | Options::ENABLE_TASKLISTS | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let line = r.line(range.start);
        r.event(event, line);
    }
    r.doc
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect()
}

impl Reader {
    fn line(&self, offset: usize) -> usize {
        self.lines.partition_point(|&start| start <= offset)
    }

    /// The run of text that text events are part of now, if any.
    fn target(&mut self) -> Option<&mut Inline> {
        if self.hidden > 0 {
            return None;
        }
        if let Some(cell) = self.cell.as_mut() {
            return Some(cell);
        }
        if let Some((_, inline, _)) = self.heading.as_mut() {
            return Some(inline);
        }
        if let Some(item) = self.items.last_mut() {
            return Some(&mut item.inline);
        }
        self.paragraph.as_mut()
    }

    fn event(&mut self, event: Event, line: usize) {
        match event {
            Event::Start(tag) => self.start(tag, line),
            Event::End(tag) => self.end(tag, line),
            Event::Text(s) => {
                if let Some(t) = self.target() {
                    t.push(&s.replace('\n', " "));
                }
            }
            Event::Code(s) => {
                if let Some(t) = self.target() {
                    let start = t.text.len();
                    t.text.push_str(&s);
                    let end = t.text.len();
                    t.code.push((start, end));
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(t) = self.target() {
                    t.push(" ");
                }
            }
            // A comment is the author's note to themselves (or an export's
            // header), not content.
            Event::Html(html) => {
                if let Some(line) = self.html_block.take().filter(|_| !html.trim_start().starts_with("<!--"))
                {
                    self.doc.skipped.push((Skipped::Html, line));
                }
            }
            Event::InlineHtml(html) if !html.starts_with("<!--") && self.hidden == 0 => {
                self.doc.skipped.push((Skipped::Html, line));
            }
            Event::TaskListMarker(done) => {
                if let Some(item) = self.items.last_mut() {
                    item.checked = Some(done);
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag, line: usize) {
        // Lists, tables and headings inside a block quote are the quote's
        // (an export's notes), not the path's.
        let structural = matches!(tag, Tag::List(_) | Tag::Item | Tag::Heading { .. } | Tag::Table(_));
        if self.hidden > 0 && structural {
            return;
        }
        match tag {
            Tag::Heading { level, .. } => self.heading = Some((level as u8, Inline::default(), line)),
            Tag::Paragraph => {
                if self.items.is_empty() && self.cell.is_none() && self.hidden == 0 {
                    self.paragraph = Some(Inline::default());
                } else if let Some(t) = self.target() {
                    t.push(" ");
                }
            }
            Tag::List(_) => self.lists.push(Vec::new()),
            Tag::Item => self.items.push(Item { line, ..Item::default() }),
            Tag::Table(_) => self.table = Some((Vec::new(), Vec::new())),
            Tag::TableRow => {
                self.row.clear();
                self.row_line = line;
            }
            Tag::TableCell => self.cell = Some(Inline::default()),
            Tag::Link { dest_url, .. } => {
                let start = self.target().map_or(0, |t| t.text.len());
                self.links.push((start, dest_url.to_string(), line, false));
            }
            Tag::Image { .. } => {
                match self.links.last_mut() {
                    Some(link) => link.3 = true,
                    None => self.doc.skipped.push((Skipped::Image, line)),
                }
                self.hidden += 1;
            }
            Tag::CodeBlock(_) => {
                self.code_start = Some(line);
                self.hidden += 1;
            }
            Tag::BlockQuote(_) => self.hidden += 1,
            Tag::HtmlBlock => self.html_block = Some(line),
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd, _line: usize) {
        let structural = matches!(tag, TagEnd::List(_) | TagEnd::Item | TagEnd::Heading(_) | TagEnd::Table);
        if self.hidden > 0 && structural {
            return;
        }
        match tag {
            TagEnd::Heading(_) => {
                if let Some((level, inline, line)) = self.heading.take() {
                    self.doc.blocks.push(Block::Heading { level, inline, line });
                }
            }
            TagEnd::Paragraph => {
                if let Some(p) = self.paragraph.take().filter(|p| !p.is_empty()) {
                    self.doc.blocks.push(Block::Paragraph(p));
                }
            }
            TagEnd::Item => {
                if let (Some(item), Some(list)) = (self.items.pop(), self.lists.last_mut()) {
                    list.push(item);
                }
            }
            TagEnd::List(_) => {
                let list = self.lists.pop().unwrap_or_default();
                match self.items.last_mut() {
                    Some(parent) => parent.children.extend(list),
                    None if !list.is_empty() => self.doc.blocks.push(Block::List(list)),
                    None => {}
                }
            }
            TagEnd::TableCell => {
                if let Some(cell) = self.cell.take() {
                    self.row.push(cell);
                }
            }
            TagEnd::TableHead => {
                if let Some(t) = self.table.as_mut() {
                    t.0 = std::mem::take(&mut self.row);
                }
            }
            TagEnd::TableRow => {
                if let Some(t) = self.table.as_mut() {
                    t.1.push((std::mem::take(&mut self.row), self.row_line));
                }
            }
            TagEnd::Table => {
                if let Some((head, rows)) = self.table.take() {
                    self.doc.blocks.push(Block::Table { head, rows });
                }
            }
            TagEnd::Link => self.end_link(),
            TagEnd::Image | TagEnd::BlockQuote(_) => self.hidden = self.hidden.saturating_sub(1),
            TagEnd::CodeBlock => {
                self.hidden = self.hidden.saturating_sub(1);
                if let Some(line) = self.code_start.take() {
                    self.doc.skipped.push((Skipped::Code, line));
                }
            }
            _ => {}
        }
    }

    fn end_link(&mut self) {
        let Some((start, url, line, badge)) = self.links.pop() else { return };
        if badge {
            self.doc.skipped.push((Skipped::Badge, line));
            // The badge's link has no words of its own to keep.
            if let Some(t) = self.target() {
                t.text.truncate(start);
            }
            return;
        }
        if let Some(t) = self.target() {
            let end = t.text.len();
            t.links.push(Link { url, start, end, line });
        }
    }
}
