<?php
/**
 * The widget's names and rules as the shortcode and the block use them, read from
 * includes/contract.php (generated from the widget's source at build time): no list
 * or pattern is written here.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/contract.php';

/**
 * Every data-osdi-<name> the widget reads, without "data-osdi-".
 *
 * @return string[]
 */
function osdi_embed_names() {
	$contract = osdi_embed_contract();
	return $contract['names'];
}

/**
 * The widget's text keys (data-osdi-text-<key>).
 *
 * @return string[]
 */
function osdi_embed_text_keys() {
	$contract = osdi_embed_contract();
	return $contract['textKeys'];
}

/**
 * The widget's parts that take the site's class names (data-osdi-class-<part>).
 *
 * @return string[]
 */
function osdi_embed_class_parts() {
	$contract = osdi_embed_contract();
	return $contract['classParts'];
}

/**
 * The languages built into the widget.
 *
 * @return string[]
 */
function osdi_embed_languages() {
	$contract = osdi_embed_contract();
	return $contract['languages'];
}

/**
 * A name that looks like a credential, refused as the widget refuses it (code `credential`).
 *
 * @param string $name An attribute name.
 * @return bool
 */
function osdi_embed_is_credential( $name ) {
	$contract = osdi_embed_contract();
	return osdi_embed_matches( $contract['credential'], $name );
}

/**
 * Whether a pattern of the contract (written for JavaScript and PCRE alike) matches,
 * without regard to case.
 *
 * @param string $pattern The pattern, without delimiters.
 * @param string $subject What to match.
 * @param array  $found   The groups, when it matches.
 * @return bool
 */
function osdi_embed_matches( $pattern, $subject, &$found = null ) {
	return (bool) preg_match( '#' . str_replace( '#', '\#', $pattern ) . '#i', $subject, $found );
}

/**
 * What the widget would refuse in an action URL and its kind, by the widget's own rules:
 * the error code (docs/reference.md) and the widget's help text, or null when it mounts.
 *
 * @param string $action The action URL.
 * @param string $kind   The kind given beside it, or ''.
 * @return array|null array( 'code' => …, 'fix' => … )
 */
function osdi_embed_action_problem( $action, $kind = '' ) {
	$contract = osdi_embed_contract();
	$action   = trim( (string) $action );
	$problem  = function ( $code, $for = '' ) use ( $contract ) {
		$fix = $contract['fixes'][ $code ];
		return array(
			'code' => $code,
			'fix'  => is_array( $fix ) ? $fix[ $for ] : $fix,
		);
	};
	if ( '' === $action ) {
		return $problem( 'missing' );
	}
	if ( osdi_embed_matches( $contract['embedTarget'], $action ) ) {
		return $problem( 'embedTarget' );
	}
	$parts  = parse_url( $action );
	$scheme = isset( $parts['scheme'] ) ? strtolower( $parts['scheme'] ) : '';
	$host   = isset( $parts['host'] ) ? strtolower( $parts['host'] ) : '';
	$path   = isset( $parts['path'] ) ? $parts['path'] : '/';
	$local  = in_array( $host, array( 'localhost', '127.0.0.1', '[::1]' ), true );
	if ( '' === $host || ! ( 'https' === $scheme || ( 'http' === $scheme && $local ) ) ) {
		return $problem( 'https' );
	}
	$query = array();
	parse_str( isset( $parts['query'] ) ? $parts['query'] : '', $query );
	$keyed = false;
	foreach ( array_keys( $query ) as $name ) {
		$keyed = $keyed || osdi_embed_matches( $contract['credential'], (string) $name );
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || $keyed ) {
		return $problem( 'userinfo' );
	}
	if ( osdi_embed_matches( $contract['actionNetwork'], $host ) && ! osdi_embed_matches( $contract['apiPath'], $path ) ) {
		foreach ( $contract['mistakes'] as $mistake ) {
			if ( osdi_embed_matches( $mistake[1], $path ) ) {
				return $problem( $mistake[0] );
			}
		}
		return $problem( 'notApi' );
	}
	$named = null;
	$found = array();
	if ( osdi_embed_matches( $contract['actionPath'], $path, $found ) ) {
		$named = $contract['kinds'][ strtolower( $found[1] ) ];
	}
	if ( '' !== $kind && $named && $kind !== $named[0] ) {
		return $problem( 'kind', $named[0] );
	}
	$kind = '' !== $kind ? $kind : ( $named ? $named[0] : '' );
	if ( '' === $kind ) {
		return $problem( 'noKind' );
	}
	if ( $named && isset( $found[3] ) && '' !== $found[3] ) {
		$collection = null;
		foreach ( $contract['kinds'] as $entry ) {
			$collection = $entry[0] === $kind ? $entry[1] : $collection;
		}
		if ( strtolower( $found[3] ) !== $collection ) {
			return $problem( 'collection', $kind );
		}
	}
	return null;
}

/**
 * The kind an action URL names (…/petitions/{id} is a petition), or ''.
 *
 * @param string $action The action URL.
 * @return string
 */
function osdi_embed_kind_in( $action ) {
	$contract = osdi_embed_contract();
	$parts    = parse_url( (string) $action );
	$found    = array();
	if ( isset( $parts['path'] ) && osdi_embed_matches( $contract['actionPath'], $parts['path'], $found ) ) {
		return $contract['kinds'][ strtolower( $found[1] ) ][0];
	}
	return '';
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
