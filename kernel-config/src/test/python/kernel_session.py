"""A qdiff kernel driven through jupyter_client, as a notebook front end drives it.

The kernelspec is found through JUPYTER_PATH (the Maven build points it at
kernel-config/target/jupyter), so the tests need no user-wide kernel install.
"""

import os
import time
from dataclasses import dataclass, field

from jupyter_client.manager import KernelManager

KERNEL_NAME = os.environ.get("QDIFF_KERNEL_NAME", "qdiff")
STARTUP_TIMEOUT = 120


@dataclass
class Execution:
    """Everything a cell produced: the shell reply and the iopub messages, with arrival times."""

    reply: dict
    messages: list = field(default_factory=list)  # (seconds since request, msg_type, content)

    @property
    def status(self):
        return self.reply["status"]

    def of_type(self, msg_type):
        return [content for _, kind, content in self.messages if kind == msg_type]

    def stream(self, name):
        return "".join(c["text"] for c in self.of_type("stream") if c["name"] == name)

    @property
    def stdout(self):
        return self.stream("stdout")

    @property
    def stderr(self):
        return self.stream("stderr")

    @property
    def result(self):
        """The data of the execute_result, or None when the cell showed no value."""
        results = self.of_type("execute_result")
        return results[-1]["data"] if results else None

    @property
    def error(self):
        errors = self.of_type("error")
        return errors[-1] if errors else None


class KernelSession:
    """One running kernel with a blocking client."""

    def __init__(self):
        self.manager = KernelManager(kernel_name=KERNEL_NAME)
        started = time.monotonic()
        self.manager.start_kernel()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=STARTUP_TIMEOUT)
        self.startup_seconds = time.monotonic() - started

    def execute(self, code, timeout=60):
        """Runs a cell and waits for its reply and for the kernel to become idle."""
        msg_id = self.client.execute(code, allow_stdin=False)
        return self.collect(msg_id, timeout)

    def collect(self, msg_id, timeout=60):
        """Gathers the iopub messages of a request until idle, then its shell reply."""
        started = time.monotonic()
        deadline = started + timeout
        messages = []
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no idle status within {timeout} s; got {messages}")
            msg = self.client.get_iopub_msg(timeout=remaining)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind = msg["msg_type"]
            if kind == "status":
                if msg["content"]["execution_state"] == "idle":
                    break
                continue
            messages.append((time.monotonic() - started, kind, msg["content"]))
        return Execution(self.shell_reply(msg_id, deadline - time.monotonic()), messages)

    def shell_reply(self, msg_id, timeout=30):
        deadline = time.monotonic() + max(timeout, 1)
        while True:
            msg = self.client.get_shell_msg(timeout=max(deadline - time.monotonic(), 0.1))
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg["content"]

    def complete(self, code, cursor=None):
        msg_id = self.client.complete(code, len(code) if cursor is None else cursor)
        return self.shell_reply(msg_id)

    def inspect(self, code, cursor):
        msg_id = self.client.inspect(code, cursor)
        return self.shell_reply(msg_id)

    def is_complete(self, code):
        msg_id = self.client.is_complete(code)
        return self.shell_reply(msg_id)

    def interrupt(self):
        self.manager.interrupt_kernel()

    def restart(self):
        self.manager.restart_kernel(now=False)
        self.client.stop_channels()
        self.client = self.manager.client()
        self.client.start_channels()
        self.client.wait_for_ready(timeout=STARTUP_TIMEOUT)

    def close(self):
        """Shuts the kernel down politely; kills it if it does not go."""
        self.client.stop_channels()
        if not self.manager.has_kernel:
            return
        try:
            self.manager.shutdown_kernel(now=False)
        finally:
            if self.manager.has_kernel and self.manager.is_alive():
                self.manager.shutdown_kernel(now=True)
