/**
 * Minimal PDB reader: MSF 7.00 container, info stream (GUID/age, named streams), DBI, section
 * headers, S_PUB32 publics, x86 FRAMEDATA with /names and old FPO_DATA.
 */
package dev.poolhit.target.pdb;
