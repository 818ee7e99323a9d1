/*
 * htx 1.0 -> 1.1 update script.
 *
 * Built by the Makefile from the pieces in sql/update/1.0--1.1, in name order.
 * CREATE EXTENSION htx runs sql/release/htx--1.0.sql and then this script;
 * ALTER EXTENSION htx UPDATE runs this script alone.  So every piece must
 * work both on a new, empty 1.0 and on a 1.0 that a province has used for
 * years.  As in the 1.0 script, every reference is qualified with @extschema@
 * or pg_catalog (never @extschema@ inside quotes), and operators are written
 * OPERATOR(pg_catalog.x).
 */

-- complain if script is sourced in psql, rather than via ALTER EXTENSION
\echo Use "ALTER EXTENSION htx UPDATE TO '1.1'" to load this file. \quit
