//! What the report tests share: reading a PDF back (lopdf), the text of every page folded to
//! single spaces and the bookmark titles, and building a report on a given number of threads.

use lopdf::Document;

/// The text of every page.
pub(crate) fn all_text(doc: &Document) -> String {
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    doc.extract_text(&pages).unwrap()
}

/// Text with its line breaks and runs of spaces folded to single spaces.
pub(crate) fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The titles of the top-level bookmarks, in order.
pub(crate) fn top_bookmarks(doc: &Document) -> Vec<String> {
    let toc = doc.get_toc().unwrap();
    toc.toc
        .into_iter()
        .filter(|t| t.level == 1)
        .map(|t| t.title)
        .collect()
}

/// The titles of every bookmark, in order.
pub(crate) fn bookmarks(doc: &Document) -> Vec<String> {
    let toc = doc.get_toc().unwrap();
    toc.toc.into_iter().map(|t| t.title).collect()
}

/// What `make` returns when run on a pool of `threads` threads.
pub(crate) fn on_threads<T: Send>(threads: usize, make: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(make)
}
