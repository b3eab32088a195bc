"""JupyterHub for the workbook's course on one machine: real Unix accounts, one server per user.

Started by ``deploy/hub/up`` (which sets the WBHUB_* variables below); read README.md, "Running a
course on JupyterHub", first.

- Authenticator: PAM, the machine's own accounts and passwords. A course on one machine already has
  a Unix account per student (nbgrader's exchange tells students apart by their Unix user, and
  file permissions are what keep one student's work from another); PAM needs no second list of
  passwords. Only the instructor and the students named in WBHUB_USERS may log in. (For a quick
  trial, WBHUB_AUTHENTICATOR=shared-password with WBHUB_SHARED_PASSWORD lets the same users in
  with one password.)
- Spawner: LocalProcessSpawner, each user's single-user server a process running as that user,
  in their home, from the shared environment. An owner-only umask is set before it starts, so a
  student's journals and notebooks are theirs alone even where homes are left open.
- Students' servers read one more Jupyter config folder (WBHUB_STUDENT_CONFIG): it turns off the
  formgrader and the instructor's nbgrader tools and leaves them the assignment list. This only
  hides a menu: what protects the course is that its folder is the instructor's, mode 700.
- Hub and proxy listen on 127.0.0.1 only; put a TLS-terminating web server in front for a real term.
"""

import os

c = get_config()  # noqa: F821 -- injected by traitlets when JupyterHub loads this file

ENV = os.environ["WBHUB_ENV"]
STATE = os.environ["WBHUB_STATE"]
INSTRUCTOR = os.environ["WBHUB_INSTRUCTOR"]
USERS = {name for name in os.environ.get("WBHUB_USERS", "").split(",") if name}
STUDENT_CONFIG = os.environ["WBHUB_STUDENT_CONFIG"]
HOST = os.environ.get("WBHUB_HOST", "127.0.0.1")
PORT = int(os.environ.get("WBHUB_PORT", "8000"))

c.JupyterHub.bind_url = f"http://{HOST}:{PORT}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("WBHUB_HUB_PORT", str(PORT + 1)))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('WBHUB_PROXY_API_PORT', str(PORT + 2)))}"
c.ConfigurableHTTPProxy.command = [os.environ["WBHUB_PROXY"]]
c.JupyterHub.db_url = f"sqlite:///{os.path.join(STATE, 'jupyterhub.sqlite')}"
c.JupyterHub.cookie_secret_file = os.path.join(STATE, "jupyterhub_cookie_secret")

authenticator = os.environ.get("WBHUB_AUTHENTICATOR", "pam")
c.JupyterHub.authenticator_class = authenticator
if authenticator == "shared-password":
    c.SharedPasswordAuthenticator.user_password = os.environ["WBHUB_SHARED_PASSWORD"]
c.Authenticator.allowed_users = USERS | {INSTRUCTOR}
c.Authenticator.admin_users = {INSTRUCTOR}

c.JupyterHub.spawner_class = "localprocess"
# sh sets the umask, then becomes jupyterhub-singleuser with the arguments the hub appends.
c.Spawner.cmd = ["/bin/sh", "-c", 'umask 077 && exec "$0" "$@"', os.path.join(ENV, "bin", "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
c.Spawner.notebook_dir = "~"
c.Spawner.environment = {
    # The shared environment first: nbgrader runs `alembic`, widgets need its jupyter.
    "PATH": os.path.join(ENV, "bin") + ":/usr/local/bin:/usr/bin:/bin",
}
c.Spawner.http_timeout = 60
c.Spawner.start_timeout = 90


def students_see_the_assignment_list_only(spawner):
    """Everyone but the instructor gets the student config folder on their Jupyter config path."""
    if spawner.user.name != INSTRUCTOR:
        spawner.environment["JUPYTER_CONFIG_PATH"] = STUDENT_CONFIG


c.Spawner.pre_spawn_hook = students_see_the_assignment_list_only

# A token for the instructor's scripts and the tests: start and stop servers, make user tokens.
token_file = os.path.join(STATE, "service-token")
if os.path.exists(token_file):
    with open(token_file, encoding="utf-8") as handle:
        c.JupyterHub.services = [{"name": "course-admin", "api_token": handle.read().strip()}]
    c.JupyterHub.load_roles = [{
        "name": "course-admin", "services": ["course-admin"],
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "list:users", "read:users"],
    }]
