// @ts-check
// A private WordPress for the plugin's tests, from Debian's packages: its own MariaDB
// (a data folder and a socket in a temporary folder, no network), Debian's WordPress
// files seen through a folder of links with a wp-config.php of its own, PHP's built-in
// server, the theme Twenty Twenty-Three, the plugin unzipped from
// dist-wordpress/osdi-embed.zip and activated, an Administrator, an Author and a Contributor.
// Nothing outside the temporary folder is touched; stop() removes it.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { ensureWordPress, MARIADBD, WORDPRESS } from "./ensure-wordpress.mjs";

export const USERS = {
  admin: { login: "admin", password: "admin-password-e2e" },
  author: { login: "author", password: "author-password-e2e", role: "author" },
  contributor: { login: "contributor", password: "contributor-password-e2e", role: "contributor" },
};

/** @returns {Promise<number>} */
const freePort = () =>
  new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** @param {() => boolean | Promise<boolean>} ready @param {string} what */
async function waitFor(ready, what, ms = 30_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if (await ready()) return;
    } catch {}
    await sleep(100);
  }
  throw new Error(`WordPress tests: ${what} did not start within ${ms / 1000} s`);
}

const ROUTER = `<?php
// PHP's built-in server in front of WordPress: files as they are, PHP through WordPress's root.
define( 'ABSPATH', __DIR__ . '/root/' );
$osdi_router_path = rawurldecode( (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH ) );
$osdi_router_file = ABSPATH . ltrim( $osdi_router_path, '/' );
if ( is_dir( $osdi_router_file ) ) {
	$osdi_router_file = rtrim( $osdi_router_file, '/' ) . '/index.php';
}
if ( is_file( $osdi_router_file ) && '.php' !== substr( $osdi_router_file, -4 ) ) {
	return false;
}
if ( ! is_file( $osdi_router_file ) || false !== strpos( $osdi_router_path, '..' ) ) {
	$osdi_router_file = ABSPATH . 'index.php';
}
$_SERVER['SCRIPT_NAME']     = '/' . substr( $osdi_router_file, strlen( ABSPATH ) );
$_SERVER['PHP_SELF']        = $_SERVER['SCRIPT_NAME'];
$_SERVER['SCRIPT_FILENAME'] = $osdi_router_file;
chdir( dirname( $osdi_router_file ) );
unset( $osdi_router_path );
require $osdi_router_file;
`;

/**
 * @param {{ zip?: string, quiet?: boolean }} [options]
 */
export async function startWordPress(options = {}) {
  const zip = resolve(options.zip ?? "dist-wordpress/osdi-embed.zip");
  const log = options.quiet ? () => {} : (/** @type {string} */ m) => console.log(m);
  const times = /** @type {Record<string, number>} */ ({});
  let t = Date.now();
  const lap = (/** @type {string} */ name) => {
    times[name] = Date.now() - t;
    t = Date.now();
  };
  ensureWordPress();
  lap("packages");

  const dir = mkdtempSync(join(tmpdir(), "osdi-wordpress-"));
  const root = join(dir, "root");
  const socket = join(dir, "mysql.sock");
  /** @type {import("node:child_process").ChildProcess[]} */
  const children = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null) continue;
      const gone = new Promise((r) => child.once("exit", r));
      // Each child leads its own process group: PHP's server workers go with it.
      const signal = (/** @type {NodeJS.Signals} */ s) => {
        try {
          if (child.pid) process.kill(-child.pid, s);
        } catch {}
      };
      signal("SIGTERM");
      await Promise.race([gone, sleep(5000)]);
      if (child.exitCode === null) signal("SIGKILL");
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // 1. MariaDB of its own: a data folder, a socket, no TCP.
    const asRoot = process.getuid?.() === 0 ? ["--user=root"] : [];
    execFileSync(
      "mariadb-install-db",
      [
        "--no-defaults",
        `--datadir=${join(dir, "db")}`,
        "--auth-root-authentication-method=normal",
        "--skip-test-db",
        ...asRoot,
      ],
      { stdio: "ignore" },
    );
    const db = spawn(
      MARIADBD,
      [
        "--no-defaults",
        `--datadir=${join(dir, "db")}`,
        `--socket=${socket}`,
        `--pid-file=${join(dir, "mysql.pid")}`,
        "--skip-networking",
        "--innodb-buffer-pool-size=32M",
        "--skip-log-bin",
        ...asRoot,
      ],
      { stdio: options.quiet ? "ignore" : ["ignore", "ignore", "inherit"], detached: true },
    );
    children.push(db);
    const sql = (/** @type {string} */ q) =>
      execFileSync("mariadb", ["--no-defaults", `--socket=${socket}`, "-uroot", "-e", q], {
        stdio: "pipe",
      });
    await waitFor(() => sql("SELECT 1").length >= 0, "MariaDB");
    sql(
      "CREATE DATABASE wordpress; CREATE USER 'wordpress'@'localhost' IDENTIFIED BY 'wordpress-e2e'; GRANT ALL ON wordpress.* TO 'wordpress'@'localhost';",
    );
    lap("database");

    // 2. Debian's WordPress through links, with a wp-config.php and a wp-content of its own.
    mkdirSync(root);
    for (const name of readdirSync(WORDPRESS))
      if (name !== "wp-config.php" && name !== "wp-content")
        symlinkSync(join(WORDPRESS, name), join(root, name));
    const content = join(root, "wp-content");
    mkdirSync(join(content, "themes"), { recursive: true });
    mkdirSync(join(content, "plugins"));
    mkdirSync(join(content, "uploads"));
    mkdirSync(join(content, "mu-plugins"));
    symlinkSync(
      join(WORDPRESS, "wp-content/themes/twentytwentythree"),
      join(content, "themes/twentytwentythree"),
    );
    execFileSync("unzip", ["-q", zip, "-d", join(content, "plugins")]);
    const port = await freePort();
    const url = `http://localhost:${port}`;
    writeFileSync(
      join(root, "wp-config.php"),
      `<?php
define( 'DB_NAME', 'wordpress' );
define( 'DB_USER', 'wordpress' );
define( 'DB_PASSWORD', 'wordpress-e2e' );
define( 'DB_HOST', 'localhost:${socket}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'WP_HOME', '${url}' );
define( 'WP_SITEURL', '${url}' );
define( 'WP_CONTENT_DIR', '${content}' );
define( 'WP_CONTENT_URL', '${url}/wp-content' );
define( 'WP_AUTO_UPDATE_CORE', false );
define( 'AUTOMATIC_UPDATER_DISABLED', true );
define( 'DISABLE_WP_CRON', true );
define( 'WP_HTTP_BLOCK_EXTERNAL', true );
// The helper sandbox, which the plugin's keyed reads go to (WordPress lets only localhost through).
define( 'WP_ACCESSIBLE_HOSTS', '127.0.0.1' );
define( 'WP_DEBUG', true );
define( 'WP_DEBUG_DISPLAY', false );
define( 'WP_DEBUG_LOG', '${join(dir, "debug.log")}' );
foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $osdi_key ) {
	define( $osdi_key, 'osdi-embed-e2e-' . $osdi_key );
}
$table_prefix = 'wp_';
require_once ABSPATH . 'wp-settings.php';
`,
    );
    writeFileSync(join(dir, "router.php"), ROUTER);

    /**
     * Runs PHP in WordPress (as wp-cli's eval would), printing what it echoes.
     * @param {string} code PHP code, without <?php
     * @param {{ installing?: boolean }} [o]
     */
    const php = (code, o = {}) => {
      const file = join(dir, `eval-${Date.now()}-${Math.random().toString(36).slice(2)}.php`);
      writeFileSync(
        file,
        `<?php
$_SERVER['HTTP_HOST'] = 'localhost:${port}';
$_SERVER['SERVER_NAME'] = 'localhost';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
define( 'ABSPATH', '${root}/' );
${o.installing ? "define( 'WP_INSTALLING', true );" : ""}
require ABSPATH . 'wp-load.php';
${code}
`,
      );
      try {
        return execFileSync("php", [file], { stdio: "pipe" }).toString();
      } finally {
        rmSync(file, { force: true });
      }
    };

    // 3. The site: installed, the block theme, the plugin activated, an Author and a Contributor.
    php(
      `require_once ABSPATH . 'wp-admin/includes/upgrade.php';
wp_install( 'osdi-embed on WordPress', '${USERS.admin.login}', 'admin@example.org', false, '', '${USERS.admin.password}' );`,
      { installing: true },
    );
    lap("install");
    const out = php(`require_once ABSPATH . 'wp-admin/includes/plugin.php';
switch_theme( 'twentytwentythree' );
$r = activate_plugin( 'osdi-embed/osdi-embed.php' );
if ( is_wp_error( $r ) ) { fwrite( STDERR, $r->get_error_message() ); exit( 1 ); }
$ids = array();
foreach ( json_decode( ${phpString(JSON.stringify([USERS.author, USERS.contributor]))}, true ) as $user ) {
	$id = wp_insert_user( array( 'user_login' => $user['login'], 'user_pass' => $user['password'], 'user_email' => $user['login'] . '@example.org', 'role' => $user['role'] ) );
	if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
	// The editor's welcome guide, closed as if seen.
	update_user_meta( $id, 'wp_persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
	$ids[] = $id;
}
echo implode( ' ', $ids );`);
    const [authorId, contributorId] = out.trim().split(" ").map(Number);
    lap("plugin and users");

    // 4. PHP's built-in server, a few workers (the editor asks for many files at once).
    const server = spawn("php", ["-S", `127.0.0.1:${port}`, "-t", root, join(dir, "router.php")], {
      env: { ...process.env, PHP_CLI_SERVER_WORKERS: "4" },
      stdio: "ignore",
      detached: true,
    });
    children.push(server);
    await waitFor(async () => (await fetch(`${url}/wp-login.php`)).ok, "PHP's server");
    lap("server");
    log(
      `WordPress tests: ${url} ready in ${Object.entries(times)
        .map(([k, v]) => `${k} ${v} ms`)
        .join(", ")}`,
    );

    /**
     * A post saved as this user, through wp_insert_post with the user's own capabilities
     * (an Author has no unfiltered_html: the content goes through kses, as when saved in the editor).
     * @param {{ user?: number, title: string, content: string }} post
     * @returns {number} the post's id
     */
    const createPost = ({ user = authorId, title, content: body }) =>
      Number(
        php(`wp_set_current_user( ${user} );
$id = wp_insert_post( wp_slash( array( 'post_title' => ${JSON.stringify(title)}, 'post_content' => ${phpString(body)}, 'post_status' => 'publish', 'post_author' => ${user} ) ), true );
if ( is_wp_error( $id ) ) { fwrite( STDERR, $id->get_error_message() ); exit( 1 ); }
echo $id;`).trim(),
      );
    return { url, dir, content, authorId, contributorId, php, createPost, stop, times };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A PHP single-quoted string literal. @param {string} s */
export const phpString = (s) => `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;

if (process.argv[1]?.endsWith("wordpress.mjs")) {
  // node scripts/wordpress.mjs: a site to look at, until Ctrl+C.
  const site = await startWordPress();
  console.log(`admin: ${USERS.admin.login} / ${USERS.admin.password}; Ctrl+C stops it`);
  process.on("SIGINT", () => site.stop().then(() => process.exit(0)));
}
