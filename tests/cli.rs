//! The command-line contract: help for every subcommand, exit code 2 for usage errors.

mod common;

use common::*;

fn socnav(args: &[&str]) -> Run {
    let tmp = tempfile::tempdir().unwrap();
    run_in(tmp.path(), args)
}

#[test]
fn top_level_help_lists_the_commands() {
    for flag in ["--help", "-h"] {
        let r = socnav(&[flag]);
        r.ok();
        assert!(r.stdout.contains("Usage: socnav <COMMAND>"), "{}", r.stdout);
        for cmd in ["build", "check", "new"] {
            assert!(
                r.stdout.lines().any(|l| l.trim_start().starts_with(cmd)),
                "{flag} lists {cmd}:\n{}",
                r.stdout
            );
        }
        assert!(!r.stdout.contains("synth"), "hidden commands stay hidden");
        assert!(r.stderr.is_empty());
    }
}

#[test]
fn every_subcommand_has_help() {
    for (cmd, must) in [
        (
            "build",
            &["--root", "--output", "--base-url", "--drafts"][..],
        ),
        (
            "check",
            &["--root", "--format", "human", "json", "github"][..],
        ),
        (
            "new",
            &[
                "<KIND>",
                "<SLUG>",
                "--root",
                "service",
                "provider",
                "standard",
                "situation",
            ][..],
        ),
    ] {
        for args in [vec![cmd, "--help"], vec!["help", cmd]] {
            let r = socnav(&args);
            r.ok();
            assert!(
                r.stdout.contains(&format!("Usage: socnav {cmd}")),
                "{args:?}:\n{}",
                r.stdout
            );
            for m in must {
                assert!(r.stdout.contains(m), "{args:?} mentions {m}:\n{}", r.stdout);
            }
        }
    }
}

#[test]
fn version() {
    let r = socnav(&["--version"]);
    r.ok();
    assert_eq!(r.stdout, format!("socnav {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec!["frobnicate"],
        vec![],
        vec!["build", "--no-such-flag"],
        vec!["check", "--format", "xml"],
        vec!["new", "service"],
        vec!["new", "thing", "x"],
        vec!["build", "--output"],
    ] {
        let r = socnav(&args);
        assert_eq!(
            r.code, 2,
            "{args:?}: stdout {} stderr {}",
            r.stdout, r.stderr
        );
        assert!(!r.stderr.is_empty(), "{args:?} explains on stderr");
        assert!(r.stdout.is_empty(), "{args:?}: {}", r.stdout);
    }
    let r = socnav(&["frobnicate"]);
    assert!(r.stderr.contains("frobnicate"), "{}", r.stderr);
}

#[test]
fn commands_default_to_the_current_folder() {
    let site = Site::new();
    let r = run_in(&site.root, &["check"]);
    r.ok();
    assert_eq!(r.stdout, "Ошибок нет: проверено 17 файлов.\n");
    let r = run_in(&site.root, &["build"]);
    r.ok();
    assert!(site.public().join("index.html").is_file());
    let r = run_in(&site.root, &["new", "provider", "novyy"]);
    r.ok();
    assert!(site.path("content/providers/novyy.md").is_file());
}

#[test]
fn missing_root_is_an_io_error() {
    let tmp = tempfile::tempdir().unwrap();
    let nowhere = tmp.path().join("nowhere");
    for cmd in ["build", "check"] {
        let r = run_in(tmp.path(), &[cmd, "--root", nowhere.to_str().unwrap()]);
        assert_eq!(r.code, 2, "{cmd}: {}", r.stderr);
        assert!(r.stderr.contains("config.toml"), "{cmd}: {}", r.stderr);
    }
    assert!(!nowhere.exists(), "nothing created");
}
