// MapLibre's own interface text (control titles, the two-finger hint, the canvas's accessible name) in the
// app's language: passed as the map's `locale` option. English is MapLibre's default wording, listed
// here too so the map can switch back after the page switches languages.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Lang } from '../i18n/messages';

/** Every key MapLibre looks up: a key it adds in a later version fails the type check here. */
export type MapUiKey = Parameters<MapLibreMap['_getUIString']>[0];

const vi: Record<MapUiKey, string> = {
  'AttributionControl.ToggleAttribution': 'Hiện/ẩn nguồn bản đồ',
  'AttributionControl.MapFeedback': 'Góp ý về bản đồ',
  'FullscreenControl.Enter': 'Xem toàn màn hình',
  'FullscreenControl.Exit': 'Thoát toàn màn hình',
  'GeolocateControl.FindMyLocation': 'Tìm vị trí của tôi',
  'GeolocateControl.LocationNotAvailable': 'Không xác định được vị trí',
  'LogoControl.Title': 'Biểu trưng MapLibre',
  'Map.Title': 'Bản đồ',
  'Marker.Title': 'Điểm đánh dấu',
  'NavigationControl.ResetBearing': 'Kéo để xoay bản đồ, bấm để quay về hướng bắc',
  'NavigationControl.ZoomIn': 'Phóng to',
  'NavigationControl.ZoomOut': 'Thu nhỏ',
  'Popup.Close': 'Đóng',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'dặm',
  'ScaleControl.NauticalMiles': 'hải lý',
  'GlobeControl.Enable': 'Xem dạng quả địa cầu',
  'GlobeControl.Disable': 'Xem dạng bản đồ phẳng',
  'TerrainControl.Enable': 'Hiện địa hình',
  'TerrainControl.Disable': 'Ẩn địa hình',
  'CooperativeGesturesHandler.WindowsHelpText': 'Giữ Ctrl và cuộn chuột để phóng to, thu nhỏ bản đồ',
  'CooperativeGesturesHandler.MacHelpText': 'Giữ ⌘ và cuộn chuột để phóng to, thu nhỏ bản đồ',
  'CooperativeGesturesHandler.MobileHelpText': 'Dùng hai ngón tay để di chuyển bản đồ',
};

const en: Record<MapUiKey, string> = {
  'AttributionControl.ToggleAttribution': 'Show or hide the map credits',
  'AttributionControl.MapFeedback': 'Map feedback',
  'FullscreenControl.Enter': 'Enter fullscreen',
  'FullscreenControl.Exit': 'Exit fullscreen',
  'GeolocateControl.FindMyLocation': 'Find my location',
  'GeolocateControl.LocationNotAvailable': 'Location not available',
  'LogoControl.Title': 'MapLibre logo',
  'Map.Title': 'Map',
  'Marker.Title': 'Map marker',
  'NavigationControl.ResetBearing': 'Drag to rotate map, click to reset north',
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'Popup.Close': 'Close popup',
  'ScaleControl.Feet': 'ft',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'ScaleControl.Miles': 'mi',
  'ScaleControl.NauticalMiles': 'nm',
  'GlobeControl.Enable': 'Enable globe',
  'GlobeControl.Disable': 'Disable globe',
  'TerrainControl.Enable': 'Enable terrain',
  'TerrainControl.Disable': 'Disable terrain',
  'CooperativeGesturesHandler.WindowsHelpText': 'Use Ctrl + scroll to zoom the map',
  'CooperativeGesturesHandler.MacHelpText': 'Use ⌘ + scroll to zoom the map',
  'CooperativeGesturesHandler.MobileHelpText': 'Use two fingers to move the map',
};

export function mapLocale(lang: Lang): Record<MapUiKey, string> {
  return lang === 'en' ? en : vi;
}

/** The page's language as the app sets it on <html lang>: Vietnamese unless it says English. */
export function pageLang(): Lang {
  return document.documentElement.lang.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
