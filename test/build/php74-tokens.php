<?php
/**
 * The plugin promises PHP 7.4, and only a newer PHP is installed here: this finds, by
 * PHP's own tokens, what PHP 7.4 cannot run (PHP 8's syntax, functions and types).
 * Not a full check: named arguments and union types in signatures are not looked for.
 *
 * Usage: php test/build/php74-tokens.php FILE... prints a JSON list of "file:line what".
 */

$osdi_php8_tokens    = array( 'T_MATCH', 'T_NULLSAFE_OBJECT_OPERATOR', 'T_ATTRIBUTE', 'T_READONLY', 'T_ENUM' );
$osdi_php8_functions = array( 'str_contains', 'str_starts_with', 'str_ends_with', 'get_debug_type', 'array_is_list', 'fdiv', 'get_resource_id' );
$osdi_php8_types     = array( 'mixed', 'never' );
$osdi_found          = array();

foreach ( array_slice( $argv, 1 ) as $osdi_file ) {
	foreach ( token_get_all( file_get_contents( $osdi_file ) ) as $osdi_token ) {
		if ( ! is_array( $osdi_token ) ) {
			continue;
		}
		list( $osdi_id, $osdi_text, $osdi_line ) = $osdi_token;
		$osdi_name = token_name( $osdi_id );
		$osdi_word = strtolower( $osdi_text );
		if ( in_array( $osdi_name, $osdi_php8_tokens, true ) ) {
			$osdi_found[] = "$osdi_file:$osdi_line $osdi_name";
		} elseif ( T_STRING === $osdi_id && in_array( $osdi_word, $osdi_php8_functions, true ) ) {
			$osdi_found[] = "$osdi_file:$osdi_line $osdi_text()";
		} elseif ( T_STRING === $osdi_id && in_array( $osdi_word, $osdi_php8_types, true ) ) {
			$osdi_found[] = "$osdi_file:$osdi_line the type $osdi_text";
		}
	}
}
echo json_encode( $osdi_found );
