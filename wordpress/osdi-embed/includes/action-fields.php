<?php
/**
 * An action as Action Network's keyed API gives it, turned into what the block and the
 * editor's list may show: its public fields only, the description as text, an event's
 * place on one line and its time with the place's offset and time zone. The same rules
 * as `npx osdi-embed snippet` (bin/snippet.mjs); plain PHP, no WordPress function, so
 * that test/build/wordpress-key.test.ts runs it beside the command's own.
 *
 * @package osdi-embed
 */

defined( 'ABSPATH' ) || exit;

require_once __DIR__ . '/zones.php';

/**
 * Each kind's collection in the API, and the field that holds its total.
 *
 * @return array<string,array{0:string,1:string}> kind => array( collection, total field )
 */
function osdi_embed_api_kinds() {
	return array(
		'petition' => array( 'petitions', 'total_signatures' ),
		'form'     => array( 'forms', 'total_submissions' ),
		'event'    => array( 'events', 'total_accepted' ),
	);
}

/**
 * The text of an HTML fragment (Action Network keeps descriptions as HTML; the widget's
 * description is text): tags dropped, entities read, on one line.
 *
 * @param string $html An HTML fragment.
 * @return string
 */
function osdi_embed_text_of( $html ) {
	$text = preg_replace( '#<(br|/p|/div|/li|/h\d)\b[^>]*>#i', ' ', (string) $html );
	$text = preg_replace( '#<[^>]*>#', '', $text );
	$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
	return trim( preg_replace( '/[\s\x{00A0}]+/u', ' ', $text ) );
}

/**
 * A place on one line: "Millbrook Public Library, 210 Elm Street, Millbrook, IL 60536".
 *
 * @param mixed $place The event's location (OSDI's address shape).
 * @return string
 */
function osdi_embed_place_text( $place ) {
	if ( ! is_array( $place ) ) {
		return '';
	}
	$text  = function ( $key ) use ( $place ) {
		return isset( $place[ $key ] ) && is_string( $place[ $key ] ) ? $place[ $key ] : '';
	};
	$lines = isset( $place['address_lines'] ) && is_array( $place['address_lines'] ) ? $place['address_lines'] : array();
	$code  = implode( ' ', array_filter( array( $text( 'region' ), $text( 'postal_code' ) ), 'strlen' ) );
	$city  = implode( ', ', array_filter( array( $text( 'locality' ), $code ), 'strlen' ) );
	$parts = array_merge( array( $text( 'venue' ) ), $lines, array( $city ) );
	$parts = array_filter(
		$parts,
		function ( $part ) {
			return is_string( $part ) && '' !== trim( $part );
		}
	);
	return implode( ', ', $parts );
}

/**
 * A time zone's offset from UTC at a moment, in minutes (east positive).
 *
 * @param string $zone An IANA time zone.
 * @param int    $at   A Unix time.
 * @return int
 */
function osdi_embed_offset_minutes( $zone, $at ) {
	$time = new DateTime( '@' . $at );
	return (int) floor( ( new DateTimeZone( $zone ) )->getOffset( $time ) / 60 );
}

/**
 * The time zone of an event's place. Action Network gives none, so it comes from the
 * country and region: the region's zone where a country has several, else the mainland's
 * or the country's, when its zones all keep one clock at that moment. Where several do,
 * the first of PHP's list (alphabetical) is named, as the command names the first of
 * its JavaScript engine's.
 *
 * @param mixed $place The event's location.
 * @param int   $at    A moment near the event (zones change their offsets), a Unix time.
 * @return string|null An IANA name, or null when the place does not tell.
 */
function osdi_embed_zone_of_place( $place, $at ) {
	$country = is_array( $place ) && isset( $place['country'] ) && is_string( $place['country'] ) ? strtoupper( trim( $place['country'] ) ) : '';
	if ( ! preg_match( '/^[A-Z]{2}$/', $country ) ) {
		return null;
	}
	$region   = is_array( $place ) && isset( $place['region'] ) && is_scalar( $place['region'] ) ? strtoupper( trim( (string) $place['region'] ) ) : '';
	$regions  = osdi_embed_region_zones();
	$mainland = osdi_embed_mainland_zones();
	if ( isset( $regions[ $country ][ $region ] ) ) {
		return $regions[ $country ][ $region ];
	}
	if ( isset( $mainland[ $country ] ) ) {
		return $mainland[ $country ];
	}
	if ( isset( $regions[ $country ] ) ) {
		// A country of several clocks, and a region we do not know: no guess.
		return null;
	}
	try {
		$zones = DateTimeZone::listIdentifiers( DateTimeZone::PER_COUNTRY, $country );
	} catch ( Throwable $error ) {
		return null;
	}
	if ( ! $zones ) {
		return null;
	}
	$offset = osdi_embed_offset_minutes( $zones[0], $at );
	foreach ( $zones as $zone ) {
		if ( osdi_embed_offset_minutes( $zone, $at ) !== $offset ) {
			return null;
		}
	}
	return $zones[0];
}

/**
 * An offset in minutes as ISO 8601 writes it: "-06:00", "+05:30".
 *
 * @param int $minutes East positive.
 * @return string
 */
function osdi_embed_offset_text( $minutes ) {
	$whole = abs( $minutes );
	return ( $minutes < 0 ? '-' : '+' ) . sprintf( '%02d:%02d', intdiv( $whole, 60 ), $whole % 60 );
}

/**
 * Action Network writes an event's date as the place's clock followed by a Z
 * ("2026-12-10T18:30:00Z" for 6:30 PM in Chicago; sandbox/README.md says what was found).
 * This is that clock with the place's own offset on that day: "2026-12-10T18:30:00-06:00".
 *
 * @param string $date As Action Network gives it.
 * @param string $zone The place's IANA time zone.
 * @return string|null Null when the date cannot be read.
 */
function osdi_embed_wall_time_at( $date, $zone ) {
	if ( ! is_string( $date ) || ! preg_match( '/^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::(\d{2}))?)?/', trim( $date ), $found ) ) {
		return null;
	}
	$clock = $found[1] . 'T' . ( isset( $found[2] ) && '' !== $found[2] ? $found[2] : '00:00' ) . ':' . ( isset( $found[3] ) && '' !== $found[3] ? $found[3] : '00' );
	$time  = DateTime::createFromFormat( '!Y-m-d\TH:i:s', $clock, new DateTimeZone( 'UTC' ) );
	// No day 31 of November, no hour 25: what does not read back as written is not a date.
	if ( ! $time || $time->format( 'Y-m-d\TH:i:s' ) !== $clock ) {
		return null;
	}
	$as_if_utc = $time->getTimestamp();
	// The offset at the instant the clock names; twice, for a change of offset near it.
	$offset = osdi_embed_offset_minutes( $zone, $as_if_utc );
	$offset = osdi_embed_offset_minutes( $zone, $as_if_utc - $offset * 60 );
	return $clock . osdi_embed_offset_text( $offset );
}

/**
 * What the block may take from an action of the keyed API: its public fields only, never
 * a link that is not the action's own or its public page.
 *
 * @param array  $resource The action, as the API gives it.
 * @param string $kind     petition, form or event.
 * @return array|null Null when it has no API URL of its own.
 */
function osdi_embed_public_action( $resource, $kind ) {
	$kinds = osdi_embed_api_kinds();
	if ( ! is_array( $resource ) || ! isset( $kinds[ $kind ] ) ) {
		return null;
	}
	$string = function ( $key ) use ( $resource ) {
		return isset( $resource[ $key ] ) && is_string( $resource[ $key ] ) ? $resource[ $key ] : '';
	};
	$api_url = isset( $resource['_links']['self']['href'] ) && is_string( $resource['_links']['self']['href'] ) ? $resource['_links']['self']['href'] : '';
	if ( ! preg_match( '#/' . $kinds[ $kind ][0] . '/([A-Za-z0-9-]+)/?$#', (string) parse_url( $api_url, PHP_URL_PATH ), $found ) ) {
		return null;
	}
	$browser_url = $string( 'browser_url' );
	$total_field = $kinds[ $kind ][1];
	$action      = array(
		'id'          => $found[1],
		'kind'        => $kind,
		'title'       => trim( preg_replace( '/\s+/u', ' ', $string( 'title' ) ) ),
		'description' => osdi_embed_text_of( $string( 'description' ) ),
		'browser_url' => preg_match( '#^https?://#i', $browser_url ) ? $browser_url : '',
		'api_url'     => $api_url,
		'total'       => isset( $resource[ $total_field ] ) && is_numeric( $resource[ $total_field ] ) ? (int) $resource[ $total_field ] : null,
	);
	if ( 'event' === $kind ) {
		$location = isset( $resource['location'] ) ? $resource['location'] : null;
		$start    = $string( 'start_date' );
		$at       = '' !== $start && strtotime( $start ) ? strtotime( $start ) : time();
		$zone     = osdi_embed_zone_of_place( $location, $at );
		$wall     = '' !== $start && $zone ? osdi_embed_wall_time_at( $start, $zone ) : null;
		$end      = $wall && '' !== $string( 'end_date' ) ? osdi_embed_wall_time_at( $string( 'end_date' ), $zone ) : null;

		$action['start_date'] = $start;
		$action['end_date']   = $string( 'end_date' );
		$action['start']      = $wall ? $wall : '';
		$action['end']        = $end ? $end : '';
		$action['timezone']   = $wall ? $zone : '';
		$action['location']   = osdi_embed_place_text( $location );
	}
	return $action;
}
