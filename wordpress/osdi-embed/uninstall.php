<?php
/**
 * Uninstalling leaves nothing behind: the plugin's three options, on every site of a network.
 *
 * @package osdi-embed
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Deletes the options of the current site.
 */
function osdi_embed_uninstall_site() {
	foreach ( array( 'osdi_embed_lang', 'osdi_embed_classes', 'osdi_embed_base_stylesheet' ) as $option ) {
		delete_option( $option );
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
