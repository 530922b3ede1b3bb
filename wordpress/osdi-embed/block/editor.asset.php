<?php
/**
 * The editor script's dependencies: WordPress's own globals, so the plugin needs no build.
 *
 * @package osdi-embed
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n' ),
	'version'      => '0.1.0',
);
