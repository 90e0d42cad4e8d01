/**
 * The units of the targets' indicators (database column `target.unit`, stored in Vietnamese) as each
 * language writes them, and the unit of a gap between two values. Its own small section because
 * report/units.ts formats the cards' figures too, which must not pull the leaders' whole section along.
 * A key ending in `.one` is the unit after a number the language's plural rules call "one" (English
 * "1 district", "2 districts"; Vietnamese has one form).
 */
import { defineMessages } from './define';

export const tu = defineMessages(
  {
    '%': '%',
    '‰': '‰',
    huyện: 'huyện',
    'huyện.one': 'huyện',
    xã: 'xã',
    'xã.one': 'xã',
    'tiêu chí/xã': 'tiêu chí/xã',
    'tiêu chí/xã.one': 'tiêu chí/xã',
    'tỷ đồng': 'tỷ đồng',
    'điểm %/năm': 'điểm %/năm',
    '‰/năm': '‰/năm',
    lần: 'lần',
    // A gap between two shares in % is in percentage points, not in %.
    'gap.%': 'điểm %',
  },
  {
    '%': '%',
    '‰': '‰',
    huyện: 'districts',
    'huyện.one': 'district',
    xã: 'communes',
    'xã.one': 'commune',
    'tiêu chí/xã': 'criteria/commune',
    'tiêu chí/xã.one': 'criterion/commune',
    'tỷ đồng': 'billion VND',
    'điểm %/năm': 'pp/year',
    '‰/năm': '‰/year',
    lần: '×',
    'gap.%': 'pp',
  },
);
