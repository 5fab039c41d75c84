"""Drive `ccs` at a real pseudo-terminal, the way a person uses the REPL: tmux runs the
binary in a detached session; tests type with send-keys and read the screen with
capture-pane. Used by test_repl.py."""

import os
import re
import shlex
import subprocess
import time
import uuid


def ccs_binary():
    path = os.environ.get("CCS_BIN")
    if not path:
        raise RuntimeError("CCS_BIN is not set (scripts/test.sh sets it to the built ccs)")
    return path


def hermetic_env(state_home):
    """An environment with no AWS credentials, no metadata endpoint, and a private history."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({
        "XDG_STATE_HOME": str(state_home),
        "AWS_EC2_METADATA_DISABLED": "true",
        "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
        "AWS_SECRET_ACCESS_KEY": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        "AWS_REGION": "us-east-1",
        "TERM": "xterm-256color",
    })
    env.pop("NO_COLOR", None)
    return env


class Terminal:
    """One `ccs` process on a 120-column tmux pane, 200 rows unless told (tall, so nothing
    scrolls off)."""

    def __init__(self, args, env, cwd, height=200):
        self.name = "ccs-repl-" + uuid.uuid4().hex[:10]
        # The environment goes through a script: a long command line can exceed tmux's limit.
        script = os.path.join(str(cwd), self.name + ".sh")
        with open(script, "w") as handle:
            handle.write("exec env -i " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " "
                         + " ".join(shlex.quote(a) for a in [ccs_binary()] + list(args)) + "\n")
        for attempt in range(5):
            # Keep the pane after ccs exits, to read its exit status.
            result = subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", str(height),
                                     "-c", str(cwd), "sh " + shlex.quote(script), ";",
                                     "set-option", "-t", self.name, "remain-on-exit", "on"],
                                    capture_output=True, text=True)
            if result.returncode == 0:
                return
            time.sleep(0.2)  # a tmux server that is shutting down refuses new sessions
        raise RuntimeError(f"tmux new-session failed: {result.stderr}")

    def type(self, text):
        """Types text literally (no Enter)."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, "-l", text], check=True)

    def key(self, *keys):
        """Presses keys by tmux name: Enter, Tab, C-c, C-d, Up..."""
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def line(self, text):
        self.type(text)
        self.key("Enter")

    def screen(self):
        result = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name, "-S", "-200"],
                                check=True, capture_output=True, text=True)
        return result.stdout

    def visible_screen(self):
        """The rows on the pane now, without the lines scrolled off the top."""
        result = subprocess.run(["tmux", "capture-pane", "-p", "-t", self.name],
                                check=True, capture_output=True, text=True)
        return result.stdout

    def wait_for(self, pattern, timeout=15.0, visible=False):
        """Waits until the screen (with its scrollback unless `visible`) matches the regex;
        returns the screen."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.visible_screen() if visible else self.screen()
            if re.search(pattern, screen, re.MULTILINE):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"screen never matched {pattern!r}:\n{screen}")
            time.sleep(0.05)

    def prompts(self):
        return len(re.findall(r"^ccs>( |$)", self.screen(), re.MULTILINE))

    def wait_prompt(self, count, timeout=15.0):
        """Waits until `count` primary prompts are on screen, then a moment more: libedit
        draws the prompt just before it takes the terminal out of canonical mode, and a
        Ctrl-C or Ctrl-D in between goes to the terminal driver (on a loaded machine that
        window can be long enough for a test, never for a person)."""
        deadline = time.monotonic() + timeout
        while self.prompts() < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} prompts:\n{self.screen()}")
            time.sleep(0.05)
        time.sleep(0.3)

    def wait_for_prompts(self, count, timeout=30.0):
        """Waits until `count` prompts, `ccs> ` and `...  ` alike, are on screen (one per
        line typed), then a moment more, as `wait_prompt` does."""
        deadline = time.monotonic() + timeout
        while len(re.findall(r"^(ccs>|\.\.\.)( |$)", self.screen(), re.MULTILINE)) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"expected {count} prompts:\n{self.screen()}")
            time.sleep(0.05)
        time.sleep(0.3)

    def is_dead(self):
        result = subprocess.run(["tmux", "display", "-p", "-t", self.name, "#{pane_dead} #{pane_dead_status}"],
                                check=True, capture_output=True, text=True)
        dead, _, status = result.stdout.strip().partition(" ")
        return dead == "1", status

    def wait_exit(self, timeout=10.0):
        deadline = time.monotonic() + timeout
        while True:
            dead, status = self.is_dead()
            if dead:
                return int(status or 0)
            if time.monotonic() > deadline:
                raise AssertionError(f"ccs did not exit:\n{self.screen()}")
            time.sleep(0.05)

    def close(self):
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
