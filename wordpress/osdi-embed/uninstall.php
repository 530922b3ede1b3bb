<?php
/**
 * Uninstalling leaves nothing behind, on every site of a network: the plugin's options
 * (the page-wide defaults, the API key and address, the note of a refused key) and the
 * reads of Action Network it kept for a few minutes (transients).
 *
 * @package osdi-embed
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the options and the kept reads of the current site.
 */
function osdi_embed_uninstall_site() {
	global $wpdb;
	$options = array(
		'osdi_embed_lang',
		'osdi_embed_classes',
		'osdi_embed_base_stylesheet',
		'osdi_embed_api_key',
		'osdi_embed_api_base',
		'osdi_embed_key_refused',
	);
	foreach ( $options as $option ) {
		delete_option( $option );
	}
	// Transients are options too, unless an object cache keeps them (then they expire there).
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery -- no API lists transients by prefix.
	$names = $wpdb->get_col(
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s",
			$wpdb->esc_like( '_transient_osdi_embed_' ) . '%'
		)
	);
	foreach ( $names as $name ) {
		delete_transient( substr( $name, strlen( '_transient_' ) ) );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $osdi_embed_site ) {
		switch_to_blog( $osdi_embed_site );
		osdi_embed_uninstall_site();
		restore_current_blog();
	}
} else {
	osdi_embed_uninstall_site();
}
