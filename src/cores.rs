//! The machine's cores this process is not using, as far as it keeps count, so
//! that a thread that can only help (a later part of a report, read beside the
//! part before it) is started on a core that would otherwise idle rather than
//! crowd the threads that do the work.
//!
//! The count: the process's first thread holds a core from the start,
//! [`crate::pipeline::side_by_side`] one per extra thread it builds on, given
//! back as each runs out of items; a helper is started only on a spare one.
//! Each is a [`Held`] ([`spare`]). Threads a program starts on its own (a test
//! harness's) are not counted: there helpers may crowd them.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

/// The machine's cores (1 when it cannot tell).
pub fn all() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// How many cores are spare: all but the first thread's at the start.
fn count() -> &'static AtomicUsize {
    static SPARE: OnceLock<AtomicUsize> = OnceLock::new();
    SPARE.get_or_init(|| AtomicUsize::new(all() - 1))
}

/// Takes a spare core, if there is one.
fn take() -> bool {
    (count())
        .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1))
        .is_ok()
}

/// Gives back a core taken with [`take`].
fn give() {
    count().fetch_add(1, Ordering::AcqRel);
}

/// A spare core, held until the [`Held`] is dropped; `None` when none is
/// spare.
pub fn spare() -> Option<Held> {
    take().then(|| Held(()))
}

/// A core a thread holds ([`spare`]); given back when dropped, a panic
/// included.
pub struct Held(());

impl Drop for Held {
    fn drop(&mut self) {
        give();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// However many are asked for, no more cores are held at once than the
    /// machine has beside the first thread's (other tests hold some too).
    #[test]
    fn the_first_threads_core_is_never_spare() {
        let held: Vec<Held> = std::iter::from_fn(spare).take(all() + 1).collect();
        assert!(
            held.len() < all(),
            "{} of {} cores spare",
            held.len(),
            all()
        );
    }
}
