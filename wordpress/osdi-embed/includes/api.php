<?php
/**
 * Action Network's keyed API, read from this server with the optional key of the settings:
 * the group's actions for the block editor's list, and one action's total for a count.
 * The key goes in the OSDI-API-Token header to the API's own origin, and nowhere else:
 * not into a page, a script, a REST answer, a block, a post or a message.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/action-fields.php';
require_once __DIR__ . '/names.php';

/**
 * Action Network's API, the default of the settings' API address.
 */
const OSDI_EMBED_DEFAULT_API = 'https://actionnetwork.org/api/v2';

/**
 * The saved API key, or '' (no key: the plugin works as without one).
 *
 * @return string
 */
function osdi_embed_api_key() {
	$key = get_option( 'osdi_embed_api_key', '' );
	return is_string( $key ) ? $key : '';
}

/**
 * The API's address, without a trailing slash.
 *
 * @return string
 */
function osdi_embed_api_base() {
	$base = get_option( 'osdi_embed_api_base', '' );
	return is_string( $base ) && '' !== $base ? $base : OSDI_EMBED_DEFAULT_API;
}

/**
 * An API address the key may go to: https, or plain http to this machine only (the local
 * sandbox), with no user, query or fragment. Its trailing slash taken away.
 *
 * @param string $url An address.
 * @return string|null The address, or null when it cannot be used.
 */
function osdi_embed_valid_api_base( $url ) {
	$url   = rtrim( trim( (string) $url ), '/' );
	$parts = wp_parse_url( $url );
	if ( ! $parts || empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
		return null;
	}
	$scheme = strtolower( $parts['scheme'] );
	$local  = in_array( strtolower( $parts['host'] ), array( 'localhost', '127.0.0.1' ), true );
	if ( ! ( 'https' === $scheme || ( 'http' === $scheme && $local ) ) ) {
		return null;
	}
	if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
		return null;
	}
	return $url;
}

/**
 * Scheme, host and port of an address, for comparing origins.
 *
 * @param string $url An address.
 * @return string
 */
function osdi_embed_origin( $url ) {
	$parts = wp_parse_url( (string) $url );
	if ( ! $parts || empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
		return '';
	}
	$scheme = strtolower( $parts['scheme'] );
	$port   = isset( $parts['port'] ) ? (int) $parts['port'] : ( 'https' === $scheme ? 443 : 80 );
	return $scheme . '://' . strtolower( $parts['host'] ) . ':' . $port;
}

/**
 * How long a read of the API is kept, in seconds: the list of actions and each count.
 * A site may change it with the filter `osdi_embed_cache_seconds` (the tests shorten it).
 *
 * @param string $what 'actions', 'total' or 'failure' (how long a failed read waits to be tried again).
 * @return int
 */
function osdi_embed_cache_seconds( $what ) {
	$default = 'failure' === $what ? MINUTE_IN_SECONDS : 5 * MINUTE_IN_SECONDS;
	return max( 1, (int) apply_filters( 'osdi_embed_cache_seconds', $default, $what ) );
}

/**
 * A transient's name for a read: the key and the API address are part of it (hashed with
 * the site's salt), so a new key or address never gets an old answer.
 *
 * @param string $what What is read ('actions', or 'total' and the action's id).
 * @return string
 */
function osdi_embed_cache_name( $what ) {
	return 'osdi_embed_' . substr( wp_hash( osdi_embed_api_key() . '|' . osdi_embed_api_base() . '|' . $what ), 0, 24 );
}

/**
 * Waits, if need be, so that no more than 4 reads start in any one second (Action
 * Network's limit), within this request.
 */
function osdi_embed_api_pace() {
	static $started = array();
	$now     = microtime( true );
	$started = array_values(
		array_filter(
			$started,
			function ( $time ) use ( $now ) {
				return $now - $time < 1.1;
			}
		)
	);
	if ( count( $started ) >= 4 ) {
		usleep( (int) ( ( $started[0] + 1.1 - $now ) * 1000000 ) );
	}
	$started[] = microtime( true );
}

/**
 * A GET of the keyed API: its JSON, or an error whose message says what went wrong in one
 * sentence and never holds the key.
 *
 * @param string $url     On the API's origin.
 * @param int    $timeout Seconds.
 * @param string $key     The key to send; the saved one by default (the settings check a new one).
 * @return array|WP_Error
 */
function osdi_embed_api_get( $url, $timeout = 10, $key = null ) {
	$key  = null === $key ? osdi_embed_api_key() : $key;
	$base = osdi_embed_api_base();
	if ( '' === $key ) {
		return new WP_Error( 'osdi_embed_no_key', __( 'No Action Network API key is saved (Settings → osdi-embed).', 'osdi-embed' ) );
	}
	if ( osdi_embed_origin( $url ) !== osdi_embed_origin( $base ) ) {
		/* translators: %s: the API's address */
		return new WP_Error( 'osdi_embed_elsewhere', sprintf( __( 'The action is not on %s, the API the key is for: no count.', 'osdi-embed' ), $base ) );
	}
	$host = wp_parse_url( $base, PHP_URL_HOST );
	for ( $tries = 1; ; $tries++ ) {
		osdi_embed_api_pace();
		$response = wp_remote_get(
			$url,
			array(
				'headers'     => array(
					'OSDI-API-Token' => $key,
					'Accept'         => 'application/hal+json, application/json',
				),
				'timeout'     => $timeout,
				// A redirect would carry the header to wherever it points.
				'redirection' => 0,
			)
		);
		if ( is_wp_error( $response ) ) {
			/* translators: %s: the API's host */
			return new WP_Error( 'osdi_embed_unreachable', sprintf( __( 'Action Network (%s) could not be reached.', 'osdi-embed' ), $host ) );
		}
		$status = (int) wp_remote_retrieve_response_code( $response );
		if ( 429 === $status && $tries < 3 ) {
			$wait = (int) wp_remote_retrieve_header( $response, 'retry-after' );
			if ( $wait <= 2 ) {
				sleep( max( 1, $wait ) );
				continue;
			}
		}
		break;
	}
	if ( 401 === $status || 403 === $status ) {
		osdi_embed_note_refused_key( $status, $key );
		/* translators: %d: the HTTP status */
		return new WP_Error( 'osdi_embed_refused', sprintf( __( 'Action Network refused the API key (%d): an administrator can replace it in Settings → osdi-embed.', 'osdi-embed' ), $status ), array( 'status' => $status ) );
	}
	if ( 404 === $status ) {
		return new WP_Error( 'osdi_embed_not_found', __( 'Action Network has no such action for this key (404).', 'osdi-embed' ), array( 'status' => 404 ) );
	}
	if ( 429 === $status ) {
		return new WP_Error( 'osdi_embed_rate_limited', __( 'Action Network asked to slow down (429): try again in a minute.', 'osdi-embed' ), array( 'status' => 429 ) );
	}
	if ( $status < 200 || $status > 299 ) {
		/* translators: %d: the HTTP status */
		return new WP_Error( 'osdi_embed_status', sprintf( __( 'Action Network answered %d.', 'osdi-embed' ), $status ), array( 'status' => $status ) );
	}
	$data = json_decode( wp_remote_retrieve_body( $response ), true );
	if ( ! is_array( $data ) ) {
		return new WP_Error( 'osdi_embed_not_json', __( "Action Network's answer could not be read.", 'osdi-embed' ) );
	}
	if ( $key === osdi_embed_api_key() && false !== get_option( 'osdi_embed_key_refused', false ) ) {
		delete_option( 'osdi_embed_key_refused' );
	}
	return $data;
}

/**
 * Notes that Action Network refused the saved key, for the administrators' notice.
 *
 * @param int    $status 401 or 403.
 * @param string $key    The key that was refused.
 */
function osdi_embed_note_refused_key( $status, $key ) {
	if ( '' !== $key && $key === osdi_embed_api_key() && (int) get_option( 'osdi_embed_key_refused', 0 ) !== $status ) {
		update_option( 'osdi_embed_key_refused', $status, false );
	}
}

/**
 * Every action of one collection, following its next links to the last page.
 *
 * @param string $kind petition, form or event.
 * @return array[]|WP_Error The public fields of each, with created_date for sorting.
 */
function osdi_embed_api_collection( $kind ) {
	$kinds   = osdi_embed_api_kinds();
	$segment = $kinds[ $kind ][0];
	$rel     = 'osdi:' . $segment;
	$next    = osdi_embed_api_base() . '/' . $segment;
	$seen    = array();
	$actions = array();
	while ( '' !== $next ) {
		if ( isset( $seen[ $next ] ) || count( $seen ) >= 400 ) {
			return new WP_Error( 'osdi_embed_paging', __( "Action Network's pages of actions do not end.", 'osdi-embed' ) );
		}
		$seen[ $next ] = true;
		$page          = osdi_embed_api_get( $next );
		if ( is_wp_error( $page ) ) {
			return $page;
		}
		$items = isset( $page['_embedded'][ $rel ] ) && is_array( $page['_embedded'][ $rel ] ) ? $page['_embedded'][ $rel ] : array();
		foreach ( $items as $item ) {
			$action = osdi_embed_public_action( $item, $kind );
			if ( $action ) {
				$action['created'] = isset( $item['created_date'] ) && is_string( $item['created_date'] ) ? $item['created_date'] : '';
				// A collection lists the oldest first: among actions created in the same second,
				// the later in the list is the newer.
				$action['position'] = count( $actions );
				$actions[]          = $action;
			}
		}
		$href = isset( $page['_links']['next']['href'] ) && is_string( $page['_links']['next']['href'] ) ? $page['_links']['next']['href'] : '';
		$next = $href;
	}
	return $actions;
}

/**
 * The group's petitions, forms and events, newest first, with their public fields only;
 * kept a few minutes (osdi_embed_cache_seconds).
 *
 * @param bool $fresh Read them anew rather than from the cache.
 * @return array[]|WP_Error
 */
function osdi_embed_group_actions( $fresh = false ) {
	$cache = osdi_embed_cache_name( 'actions' );
	$kept  = $fresh ? false : get_transient( $cache );
	if ( is_array( $kept ) ) {
		return $kept;
	}
	$actions = array();
	foreach ( array_keys( osdi_embed_api_kinds() ) as $kind ) {
		$some = osdi_embed_api_collection( $kind );
		if ( is_wp_error( $some ) ) {
			return $some;
		}
		$actions = array_merge( $actions, $some );
	}
	usort(
		$actions,
		function ( $a, $b ) {
			$by_date = strcmp( $b['created'], $a['created'] );
			return 0 !== $by_date ? $by_date : $b['position'] - $a['position'];
		}
	);
	foreach ( $actions as &$action ) {
		unset( $action['created'], $action['position'] );
	}
	unset( $action );
	set_transient( $cache, $actions, osdi_embed_cache_seconds( 'actions' ) );
	return $actions;
}

/**
 * The API address of an action's resource on the key's API, from its action URL (the
 * widget's data-osdi-action: the API URL, or its helper's).
 *
 * @param string $action The action URL.
 * @param string $kind   The kind given beside it, or ''.
 * @return array|WP_Error array( kind, resource URL )
 */
function osdi_embed_action_resource( $action, $kind = '' ) {
	$contract = osdi_embed_contract();
	$path     = (string) wp_parse_url( (string) $action, PHP_URL_PATH );
	$found    = array();
	// The widget's own rule for an action's path (contract.php, generated from src/config/action.ts).
	$named = osdi_embed_matches( $contract['actionPath'], $path, $found ) ? $contract['kinds'][ strtolower( $found[1] ) ][0] : '';
	if ( '' === $named || ( '' !== $kind && $kind !== $named ) ) {
		return new WP_Error( 'osdi_embed_no_id', __( 'The action URL names no petition, form or event: no count.', 'osdi-embed' ) );
	}
	$base_path = (string) wp_parse_url( osdi_embed_api_base(), PHP_URL_PATH );
	if ( osdi_embed_origin( $action ) !== osdi_embed_origin( osdi_embed_api_base() ) || 0 !== strpos( $path, rtrim( $base_path, '/' ) . '/' ) ) {
		/* translators: %s: the API's address */
		return new WP_Error( 'osdi_embed_elsewhere', sprintf( __( 'The action is not on %s, the API the key is for: no count.', 'osdi-embed' ), osdi_embed_api_base() ) );
	}
	return array( $named, osdi_embed_api_base() . '/' . strtolower( $found[1] ) . '/' . $found[2] );
}

/**
 * An action's total (signatures, submissions or RSVPs), read with the key and kept a few
 * minutes, so that visitors never wait on Action Network for it; a failed read is kept
 * a minute too, and shows no count.
 *
 * @param string $action The action URL.
 * @param string $kind   The kind given beside it, or ''.
 * @return array|WP_Error array( 'kind' => …, 'total' => int )
 */
function osdi_embed_action_total( $action, $kind = '' ) {
	if ( '' === osdi_embed_api_key() ) {
		return new WP_Error( 'osdi_embed_no_key', __( 'No count without an Action Network API key: an administrator can add one in Settings → osdi-embed.', 'osdi-embed' ) );
	}
	$resource = osdi_embed_action_resource( $action, $kind );
	if ( is_wp_error( $resource ) ) {
		return $resource;
	}
	list( $kind, $url ) = $resource;
	$cache = osdi_embed_cache_name( 'total|' . $url );
	$kept  = get_transient( $cache );
	if ( is_array( $kept ) && isset( $kept['total'] ) ) {
		return $kept;
	}
	if ( is_array( $kept ) && isset( $kept['code'], $kept['message'] ) ) {
		return new WP_Error( $kept['code'], $kept['message'] );
	}
	$kinds = osdi_embed_api_kinds();
	$data  = osdi_embed_api_get( $url, 3 );
	$field = $kinds[ $kind ][1];
	if ( ! is_wp_error( $data ) && ! ( isset( $data[ $field ] ) && is_numeric( $data[ $field ] ) ) ) {
		/* translators: %s: a field's name */
		$data = new WP_Error( 'osdi_embed_no_total', sprintf( __( "Action Network's answer has no %s.", 'osdi-embed' ), $field ) );
	}
	if ( is_wp_error( $data ) ) {
		$failure = array(
			'code'    => $data->get_error_code(),
			'message' => $data->get_error_message(),
		);
		set_transient( $cache, $failure, osdi_embed_cache_seconds( 'failure' ) );
		return $data;
	}
	$total = array(
		'kind'  => $kind,
		'total' => max( 0, (int) $data[ $field ] ),
	);
	set_transient( $cache, $total, osdi_embed_cache_seconds( 'total' ) );
	return $total;
}
