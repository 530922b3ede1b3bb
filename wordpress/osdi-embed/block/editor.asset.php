<?php
/**
 * The editor script's dependencies: WordPress's own globals, and the widget's contract
 * (block/contract.js, generated from the widget's source by npm run build).
 *
 * @package osdi-embed
 */

return array(
	'dependencies' => array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-i18n', 'wp-api-fetch', 'osdi-embed-contract' ),
	'version'      => '0.1.0',
);
