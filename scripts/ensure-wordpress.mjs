// @ts-check
// The end-to-end tests of the WordPress plugin run a real WordPress from Debian's
// packages. Install them with apt when they are missing (root, or sudo without a
// password), as ensure-chromium.mjs does for Chromium. Nothing is started or configured
// here: scripts/wordpress.mjs runs a private site for each test run.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const WORDPRESS = "/usr/share/wordpress";
export const MARIADBD = "/usr/sbin/mariadbd";

const needed = {
  wordpress: `${WORDPRESS}/wp-settings.php`,
  "wordpress-theme-twentytwentythree": `${WORDPRESS}/wp-content/themes/twentytwentythree/theme.json`,
  "mariadb-server": MARIADBD,
  "php-cli": "/usr/bin/php",
  "php-mysql": "/usr/share/php8.2-mysql",
  unzip: "/usr/bin/unzip",
};

/** Installs what is missing; throws when apt cannot. */
export function ensureWordPress() {
  const missing = Object.entries(needed)
    .filter(([pkg, path]) => !existsSync(path) && !(pkg === "php-mysql" && hasMysqli()))
    .map(([pkg]) => pkg);
  if (!missing.length) return;
  console.log(`WordPress tests: installing Debian's ${missing.join(", ")} with apt…`);
  const sudo = process.getuid?.() === 0 ? "" : "sudo -n ";
  const started = Date.now();
  execSync(
    `${sudo}apt-get update -qq && ${sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends ${missing.join(" ")}`,
    { stdio: "inherit" },
  );
  console.log(`WordPress tests: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function hasMysqli() {
  try {
    return execSync("php -r 'echo extension_loaded(\"mysqli\") ? 1 : 0;'").toString() === "1";
  } catch {
    return false;
  }
}

if (process.argv[1]?.endsWith("ensure-wordpress.mjs")) {
  try {
    ensureWordPress();
  } catch {
    console.error(
      "Could not install WordPress's packages. Install them yourself: apt-get install wordpress wordpress-theme-twentytwentythree mariadb-server php-cli php-mysql unzip",
    );
    process.exit(1);
  }
}
