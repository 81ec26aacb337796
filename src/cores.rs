//! The machine's cores this process is not using, so that a thread that can
//! only help (a later part of a report, read beside the part before it) runs
//! on a core that would otherwise idle, and never crowds the threads that do
//! the work.
//!
//! A thread that works holds a core: the process's first thread one from the
//! start, [`crate::pipeline::side_by_side`] one per extra thread it builds on
//! ([`take`]), given back as each runs out of items ([`give`]). A thread that
//! can only help waits for a spare one ([`wait_for`]).

use std::sync::{Condvar, Mutex, MutexGuard, OnceLock};

/// How many cores are spare, and a way to wait for one.
struct Spare {
    count: Mutex<usize>,
    freed: Condvar,
}

/// The machine's cores (1 when it cannot tell).
pub fn all() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn spare() -> &'static Spare {
    static S: OnceLock<Spare> = OnceLock::new();
    S.get_or_init(|| Spare {
        // One is the first thread's.
        count: Mutex::new(all() - 1),
        freed: Condvar::new(),
    })
}

/// The count of spare cores (a thread that panicked holding it changed it
/// fully or not at all: a count is one store).
fn count() -> MutexGuard<'static, usize> {
    spare().count.lock().unwrap_or_else(|e| e.into_inner())
}

/// Takes a spare core for a thread that works, if there is one.
pub fn take() -> bool {
    let mut n = count();
    match *n {
        0 => false,
        _ => {
            *n -= 1;
            true
        }
    }
}

/// Gives back a core taken with [`take`].
pub fn give() {
    *count() += 1;
    spare().freed.notify_all();
}

/// On a thread that can only help: waits for a spare core and takes it,
/// unless `stop` says first that there is nothing left to help with. A thread
/// that changes what `stop` reads calls [`wake`] after.
pub fn wait_for(stop: impl Fn() -> bool) -> Option<Held> {
    let mut n = count();
    loop {
        if stop() {
            return None;
        }
        if *n > 0 {
            *n -= 1;
            return Some(Held(()));
        }
        n = spare().freed.wait(n).unwrap_or_else(|e| e.into_inner());
    }
}

/// Wakes the threads waiting in [`wait_for`] to look again (under the lock,
/// so none can miss a change between looking and waiting).
pub fn wake() {
    drop(count());
    spare().freed.notify_all();
}

/// A core a helping thread holds ([`wait_for`]); given back when dropped, a
/// panic included.
pub struct Held(());

impl Drop for Held {
    fn drop(&mut self) {
        give();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// A helper waiting for a core stops waiting when told there is nothing
    /// left, or gets a core; either way it does not wait on.
    #[test]
    fn a_waiting_helper_is_woken_when_the_work_is_gone() {
        let gone = AtomicBool::new(false);
        std::thread::scope(|s| {
            let helper = s.spawn(|| wait_for(|| gone.load(Ordering::Acquire)).is_some());
            std::thread::sleep(std::time::Duration::from_millis(20));
            gone.store(true, Ordering::Release);
            wake();
            // Got a core (the machine had a spare one) or gave up: it returned.
            let _ = helper.join().unwrap();
        });
        assert!(wait_for(|| true).is_none());
    }
}
