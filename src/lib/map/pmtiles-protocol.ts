// Registers the pmtiles:// protocol once, so styles can point at static .pmtiles archives served with
// HTTP Range requests (vite, vite preview and any static host answer 206).
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let protocol: Protocol | null = null;

export function ensurePmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol({ metadata: true });
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}
