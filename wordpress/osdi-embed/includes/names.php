<?php
/**
 * The widget's data-osdi-* names, without the prefix, as the shortcode and the block take them.
 *
 * test/build/wordpress.test.ts checks this list against the widget's own parser
 * (src/config/parse.ts), its text keys and its class parts.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

/**
 * Every data-osdi-<name> the widget reads, without "data-osdi-".
 *
 * @return string[]
 */
function osdi_embed_names() {
	static $names = null;
	if ( null === $names ) {
		$names = array(
			'action',
			'kind',
			'background',
			'fields',
			'required',
			'custom-fields',
			'tags',
			'source',
			'referrer',
			'autoresponse',
			'email-opt-in',
			'sms-opt-in',
			'redirect',
			'lang',
			'title',
			'description',
			'start',
			'end',
			'location',
			'timezone',
			'online',
			'styles',
			'datalayer',
		);
		foreach ( osdi_embed_text_keys() as $key ) {
			$names[] = 'text-' . $key;
		}
		foreach ( array( 'given_name', 'family_name', 'email', 'postal_code', 'phone' ) as $field ) {
			$names[] = 'prefill-' . $field;
		}
		foreach ( osdi_embed_class_parts() as $part ) {
			$names[] = 'class-' . $part;
		}
	}
	return $names;
}

/**
 * The widget's text keys (data-osdi-text-<key>).
 *
 * @return string[]
 */
function osdi_embed_text_keys() {
	return array(
		'submit',
		'given_name',
		'family_name',
		'email',
		'phone',
		'street',
		'locality',
		'region',
		'postal_code',
		'country',
		'comments',
		'submit_petition',
		'submit_form',
		'submit_event',
		'required',
		'choose',
		'email_opt_in',
		'sms_opt_in',
		'sms_disclosure',
		'submitting',
		'thanks',
		'queued',
		'share',
		'share_copy',
		'share_copied',
		'calendar',
		'calendar_ics',
		'error_fix',
		'error_required',
		'error_email',
		'error_phone',
		'error_contact',
		'error_invalid',
		'error_network',
		'error_storage',
	);
}

/**
 * The widget's parts that take the site's class names (data-osdi-class-<part>).
 *
 * @return string[]
 */
function osdi_embed_class_parts() {
	return array( 'form', 'field', 'label', 'input', 'check', 'button', 'status', 'error', 'hint', 'title', 'description' );
}

/**
 * The languages built into the widget.
 *
 * @return string[]
 */
function osdi_embed_languages() {
	return array( 'en', 'es', 'fr', 'de', 'pt', 'ar' );
}

/**
 * A name that looks like a credential, refused as the widget refuses it (code `credential`).
 *
 * @param string $name An attribute name.
 * @return bool
 */
function osdi_embed_is_credential( $name ) {
	return (bool) preg_match( '/api[-_]?key|token|secret|passw/i', $name );
}

/**
 * The shortcode's (and the block's) attribute names: each data-osdi-<name> with "-" written as "_".
 * Maps the shortcode name to the data attribute's name.
 *
 * @return array<string,string>
 */
function osdi_embed_shortcode_names() {
	static $map = null;
	if ( null === $map ) {
		$map = array();
		foreach ( osdi_embed_names() as $name ) {
			$map[ str_replace( '-', '_', $name ) ] = $name;
		}
	}
	return $map;
}
