//! One run of the browser, bounded in time as a whole. The browser gets a
//! process group of its own and writes its output to a file, not a pipe.
//! When it exits, runs out of time or stratdoc is interrupted, the whole
//! group is killed, so no helper it started (a GPU or crash-report process)
//! outlives the print, and nothing waits for one that keeps the browser's
//! output open: there is no pipe to wait on.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Debug)]
pub(super) enum Ended {
    /// The browser exited by itself.
    Exited(ExitStatus),
    /// It was still running when its time was up.
    TimedOut,
    /// stratdoc caught this signal while it ran.
    Interrupted(i32),
}

/// Runs `command` with its output in the file `log`, for at most `timeout`;
/// `interrupted` is asked between looks at the browser.
pub(super) fn run(
    command: &mut Command,
    log: &Path,
    timeout: Duration,
    interrupted: &dyn Fn() -> Option<i32>,
) -> io::Result<Ended> {
    let output = File::create(log)?;
    command.stdin(Stdio::null()).stdout(output.try_clone()?).stderr(output);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(command, 0);
    let mut child = command.spawn()?;
    let started = Instant::now();
    let ended = loop {
        if has_exited(&mut child)? {
            break None;
        }
        if let Some(signal) = interrupted() {
            break Some(Ended::Interrupted(signal));
        }
        if started.elapsed() > timeout {
            break Some(Ended::TimedOut);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    kill_group(&mut child);
    let status = child.wait()?;
    Ok(ended.unwrap_or(Ended::Exited(status)))
}

/// Whether the browser has exited, without reaping it: while it is not
/// reaped, its process group's id cannot pass to another group, so killing
/// the group afterwards reaches only what the browser started.
#[cfg(unix)]
fn has_exited(child: &mut Child) -> io::Result<bool> {
    use rustix::process::{Pid, WaitId, WaitIdOptions, waitid};
    let options = WaitIdOptions::EXITED | WaitIdOptions::NOHANG | WaitIdOptions::NOWAIT;
    Ok(waitid(WaitId::Pid(Pid::from_child(child)), options)?.is_some())
}

#[cfg(not(unix))]
fn has_exited(child: &mut Child) -> io::Result<bool> {
    Ok(child.try_wait()?.is_some())
}

#[cfg(unix)]
fn kill_group(child: &mut Child) {
    use rustix::process::{Pid, Signal, kill_process_group};
    // Fails only when nothing of the group is left.
    let _ = kill_process_group(Pid::from_child(child), Signal::KILL);
}

#[cfg(not(unix))]
fn kill_group(child: &mut Child) {
    let _ = child.kill();
}

/// The last lines of the browser's output, for an error message (it is
/// noisy, and may be large: only its end is read).
pub(super) fn last_lines(log: &Path) -> String {
    const TAIL: u64 = 16 * 1024;
    let mut text = Vec::new();
    if let Ok(mut file) = File::open(log) {
        let length = file.metadata().map_or(0, |m| m.len());
        let _ = file.seek(SeekFrom::Start(length.saturating_sub(TAIL)));
        let _ = file.take(TAIL).read_to_end(&mut text);
    }
    let text = String::from_utf8_lossy(&text);
    let lines: Vec<&str> = text.lines().filter(|l| !l.contains("dbus")).collect();
    let tail = &lines[lines.len().saturating_sub(3)..];
    if tail.is_empty() { String::new() } else { format!(": {}", tail.join(" | ")) }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn shell(script: &str) -> Command {
        let mut command = Command::new("/bin/sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn a_helper_holding_the_output_neither_delays_nor_outlives_the_run() {
        let dir = tempfile::tempdir().unwrap();
        let (log, pid) = (dir.path().join("log"), dir.path().join("pid"));
        let script = format!("sleep 30 & echo $! > '{}'; echo done; exit 3", pid.display());
        let started = Instant::now();
        let ended = run(&mut shell(&script), &log, Duration::from_secs(20), &|| None).unwrap();
        assert!(matches!(ended, Ended::Exited(s) if s.code() == Some(3)), "{ended:?}");
        assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
        assert_eq!(last_lines(&log), ": done");
        let helper = std::fs::read_to_string(pid).unwrap().trim().to_owned();
        assert!(gone(&helper), "the helper {helper} still runs");
    }

    #[test]
    fn time_and_interruption_end_the_whole_group() {
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let started = Instant::now();
        let ended =
            run(&mut shell("sleep 30; sleep 30"), &log, Duration::from_millis(200), &|| None)
                .unwrap();
        assert!(matches!(ended, Ended::TimedOut), "{ended:?}");
        let ended =
            run(&mut shell("sleep 30"), &log, Duration::from_secs(20), &|| Some(15)).unwrap();
        assert!(matches!(ended, Ended::Interrupted(15)), "{ended:?}");
        assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());
    }

    /// Whether process `pid` has ended (or is a zombie waiting to be reaped).
    fn gone(pid: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
            if stat.is_empty() || stat.rsplit(')').next().is_some_and(|s| s.starts_with(" Z")) {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}
